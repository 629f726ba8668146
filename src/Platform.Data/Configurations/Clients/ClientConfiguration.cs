using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Staff;

namespace Platform.Data.Configurations.Clients;

internal sealed class ClientConfiguration : EntityConfiguration<Client>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("Clients");
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.TaxId).HasMaxLength(32);
        builder.Property(c => c.Okpo).HasMaxLength(16);
        builder.Property(c => c.RegistrationNumber).HasMaxLength(Lengths.Code);
        builder.Property(c => c.Industry).HasMaxLength(Lengths.Short);
        builder.Property(c => c.Region).HasMaxLength(Lengths.Short);
        builder.Property(c => c.Email).HasMaxLength(Lengths.Email);
        builder.Property(c => c.Phone).HasMaxLength(Lengths.Phone);
        builder.Property(c => c.Website).HasMaxLength(Lengths.Url);
        builder.Property(c => c.Notes).HasMaxLength(Lengths.Text);

        builder.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.StrategicManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lead>().WithMany().HasForeignKey(c => c.OriginLeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Contacts).WithOne(x => x.Client).HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(c => new { c.Name, c.Id });
        builder.HasIndex(c => new { c.CreatedAt, c.Id });
        builder.HasIndex(c => c.OwnerId);
        builder.HasIndex(c => c.LoyaltyCategory);
        // Deduplication on conversion (link to an existing client).
        builder.HasIndex(c => c.TaxId);
        builder.HasIndex(c => c.Email);
        builder.HasIndex(c => c.Phone);
    }
}
