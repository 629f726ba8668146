using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Kpis;

namespace Platform.Data.Configurations.Kpis;

internal sealed class OrderMonthRollupConfiguration : IEntityTypeConfiguration<OrderMonthRollup>
{
    public void Configure(EntityTypeBuilder<OrderMonthRollup> builder)
    {
        builder.ToTable("OrderMonthRollups");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Currency).IsCurrencyCode();
        builder.HasOne(r => r.Client).WithMany().HasForeignKey(r => r.ClientId);

        // A report groups a range of months per month, currency and client: an index-only scan in that order lets the
        // database aggregate as it reads, without hashing or sorting.
        var report = builder.HasIndex(r => new { r.Month, r.Currency, r.ClientId });
        NpgsqlIndexBuilderExtensions.IncludeProperties(report, r => new { r.Orders, r.NetMinor });
        SqlServerIndexBuilderExtensions.IncludeProperties(report, r => new { r.Orders, r.NetMinor });
    }
}
