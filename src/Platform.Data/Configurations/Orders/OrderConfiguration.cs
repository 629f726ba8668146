using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Deals;
using Platform.Domain.Orders;

namespace Platform.Data.Configurations.Orders;

internal sealed class OrderConfiguration : EntityConfiguration<Order>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.Property(o => o.Currency).IsCurrencyCode();
        builder.Property(o => o.DiscountBreakdown); // JSON, unbounded

        builder.HasOne(o => o.Client).WithMany(c => c.Orders).HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Deal>().WithMany().HasForeignKey(o => o.DealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Payments).WithOne().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);

        // The per-client ordinal drives the every-5th/10th-order discount (D4).
        builder.HasIndex(o => new { o.ClientId, o.Number }).IsUnique();
        builder.HasIndex(o => new { o.PlacedAt, o.Id });
        // Revenue KPIs, tenure (D3), sleeping clients (T9).
        // The revenue KPI groups paid orders by bucket of PaidAt, currency and client: the index carries status,
        // currency and net amount so that PostgreSQL and SQL Server answer it from the index alone.
        var revenue = builder.HasIndex(o => new { o.PaidAt, o.ClientId });
        NpgsqlIndexBuilderExtensions.IncludeProperties(revenue, o => new { o.Status, o.Currency, o.NetAmountMinor });
        SqlServerIndexBuilderExtensions.IncludeProperties(revenue, o => new { o.Status, o.Currency, o.NetAmountMinor });
        // Revenue groups the paid orders of a range per client: only they, narrow.
        var paid = builder.HasIndex(o => o.PaidAt).HasFilter("\"Status\" = 'Paid'").HasDatabaseName("IX_Orders_PaidAt_Paid");
        NpgsqlIndexBuilderExtensions.IncludeProperties(paid, o => new { o.ClientId, o.Currency, o.NetAmountMinor });
        SqlServerIndexBuilderExtensions.IncludeProperties(paid, o => new { o.ClientId, o.Currency, o.NetAmountMinor });
        builder.HasIndex(o => o.DealId);
    }
}
