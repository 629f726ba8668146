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

        // A change of a client's orders reads the client's figures per month and currency (RevenueRollupDeltas): an
        // index-only range scan where the provider can include columns.
        var client = builder.HasIndex(r => new { r.ClientId, r.Month, r.Currency });
        NpgsqlIndexBuilderExtensions.IncludeProperties(client, r => new { r.Orders, r.NetMinor });
        SqlServerIndexBuilderExtensions.IncludeProperties(client, r => new { r.Orders, r.NetMinor });
    }
}
