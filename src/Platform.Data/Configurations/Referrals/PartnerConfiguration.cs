using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Referrals;

namespace Platform.Data.Configurations.Referrals;

internal sealed class PartnerConfiguration : EntityConfiguration<Partner>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("Partners");
        builder.Property(p => p.Name).HasMaxLength(Lengths.Name);
        builder.Property(p => p.Regions).HasMaxLength(Lengths.Reason);
        builder.Property(p => p.ContactEmail).HasMaxLength(Lengths.Email);
        builder.Property(p => p.ApiClientId).HasMaxLength(Lengths.Name);

        builder.HasIndex(p => new { p.Name, p.Id });
        builder.HasIndex(p => p.ApiClientId).IsUnique();
    }
}
