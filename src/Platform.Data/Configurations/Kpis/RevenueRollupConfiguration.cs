using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Kpis;

namespace Platform.Data.Configurations.Kpis;

internal sealed class RevenueRollupConfiguration : IEntityTypeConfiguration<RevenueRollup>
{
    public void Configure(EntityTypeBuilder<RevenueRollup> builder)
    {
        builder.ToTable("RevenueRollups");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Currency).IsCurrencyCode();
        builder.Property(r => r.Value).HasMaxLength(Lengths.Short);

        // A report reads one bucket kind and dimension over a range of buckets: an index-only scan where the provider can include columns.
        var report = builder.HasIndex(r => new { r.Period, r.Dimension, r.Bucket });
        NpgsqlIndexBuilderExtensions.IncludeProperties(report, r => new { r.Currency, r.Value, r.Orders, r.NetMinor, r.Clients, r.RepeatClients });
        SqlServerIndexBuilderExtensions.IncludeProperties(report, r => new { r.Currency, r.Value, r.Orders, r.NetMinor, r.Clients, r.RepeatClients });
    }
}
