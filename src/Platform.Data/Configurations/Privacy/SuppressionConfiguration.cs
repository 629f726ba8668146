using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Privacy;

namespace Platform.Data.Configurations.Privacy;

internal sealed class SuppressionConfiguration : IEntityTypeConfiguration<Suppression>
{
    public void Configure(EntityTypeBuilder<Suppression> builder)
    {
        builder.ToTable("Suppressions");
        builder.HasKey(s => s.Hash);
        builder.Property(s => s.Hash).HasMaxLength(64).IsUnicode(false).IsFixedLength().ValueGeneratedNever();
    }
}
