using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Leads;

namespace Platform.Data.Configurations.Leads;

internal sealed class LandingKeyConfiguration : EntityConfiguration<LandingKey>
{
    protected override void ConfigureEntity(EntityTypeBuilder<LandingKey> builder)
    {
        builder.ToTable("LandingKeys");
        builder.Property(k => k.Key).HasMaxLength(Lengths.Short);
        builder.Property(k => k.Name).HasMaxLength(Lengths.Name);
        builder.Property(k => k.LandingPageCode).HasMaxLength(Lengths.Short);
        builder.Property(k => k.AllowedOrigins).HasMaxLength(Lengths.Text);
        builder.HasIndex(k => k.Key).IsUnique();
    }
}
