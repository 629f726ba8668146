using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Kpis;

namespace Platform.Data.Configurations.Kpis;

internal sealed class LeadConversionRollupConfiguration : IEntityTypeConfiguration<LeadConversionRollup>
{
    public void Configure(EntityTypeBuilder<LeadConversionRollup> builder)
    {
        builder.ToTable("LeadConversionRollups");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Value).HasMaxLength(Lengths.Short);

        // A report reads one dimension over a range of days: an index-only scan where the provider can include columns.
        var report = builder.HasIndex(r => new { r.Dimension, r.Day });
        NpgsqlIndexBuilderExtensions.IncludeProperties(report, r => new { r.Value, r.Days, r.Leads, r.Milliseconds });
        SqlServerIndexBuilderExtensions.IncludeProperties(report, r => new { r.Value, r.Days, r.Leads, r.Milliseconds });
    }
}
