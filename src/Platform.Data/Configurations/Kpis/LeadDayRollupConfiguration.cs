using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Kpis;

namespace Platform.Data.Configurations.Kpis;

internal sealed class LeadDayRollupConfiguration : IEntityTypeConfiguration<LeadDayRollup>
{
    public void Configure(EntityTypeBuilder<LeadDayRollup> builder)
    {
        builder.ToTable("LeadDayRollups");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Value).HasMaxLength(Lengths.Short);

        // A report reads one dimension's months and days over a range: index-only scans where the provider can include columns.
        var report = builder.HasIndex(r => new { r.Dimension, r.Period, r.Day });
        NpgsqlIndexBuilderExtensions.IncludeProperties(report, r => new { r.Value, r.Leads, r.Converted, r.Responded, r.DemoDownloads });
        SqlServerIndexBuilderExtensions.IncludeProperties(report, r => new { r.Value, r.Leads, r.Converted, r.Responded, r.DemoDownloads });
    }
}
