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

        // A report reads one dimension's months and days over a range: index-only scans where the provider can include columns.
        var report = builder.HasIndex(r => new { r.Dimension, r.Period, r.Day });
        NpgsqlIndexBuilderExtensions.IncludeProperties(report, r => new { r.Value, r.Days, r.Leads, r.Milliseconds });
        SqlServerIndexBuilderExtensions.IncludeProperties(report, r => new { r.Value, r.Days, r.Leads, r.Milliseconds });
    }
}
