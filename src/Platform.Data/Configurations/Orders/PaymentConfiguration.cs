using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Orders;

namespace Platform.Data.Configurations.Orders;

internal sealed class PaymentConfiguration : EntityConfiguration<Payment>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.Property(p => p.Currency).IsCurrencyCode();
        builder.Property(p => p.Reference).HasMaxLength(Lengths.Short);

        builder.HasIndex(p => p.OrderId);
        builder.HasIndex(p => p.PaidAt);
    }
}
