using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Clients;
using Platform.Domain.Leads;

namespace Platform.Data.Configurations.Clients;

internal sealed class ContactConfiguration : EntityConfiguration<Contact>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.Property(c => c.FirstName).HasMaxLength(Lengths.PersonName);
        builder.Property(c => c.LastName).HasMaxLength(Lengths.PersonName);
        builder.Property(c => c.Position).HasMaxLength(Lengths.Name);
        builder.Property(c => c.Phone).HasMaxLength(Lengths.Phone);
        builder.Property(c => c.Email).HasMaxLength(Lengths.Email);
        builder.Property(c => c.Notes).HasMaxLength(Lengths.Text);

        builder.HasOne<Lead>().WithMany().HasForeignKey(c => c.OriginLeadId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => new { c.ClientId, c.Id });
        builder.HasIndex(c => c.Email);
        builder.HasIndex(c => c.Phone);
    }
}
