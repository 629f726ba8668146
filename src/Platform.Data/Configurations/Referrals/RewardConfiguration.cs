using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Orders;
using Platform.Domain.Referrals;

namespace Platform.Data.Configurations.Referrals;

internal sealed class RewardConfiguration : EntityConfiguration<Reward>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Reward> builder)
    {
        builder.ToTable("Rewards");
        builder.Property(r => r.Currency).IsCurrencyCode();
        builder.Property(r => r.VoidReason).HasMaxLength(Lengths.Reason);

        builder.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Payout>().WithMany().HasForeignKey(r => r.PayoutId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(r => new { r.ReferralId, r.Status });
        // Approval job: earned rewards whose holding period has ended.
        builder.HasIndex(r => new { r.Status, r.ApprovableAt });
        builder.HasIndex(r => r.PayoutId);
        builder.HasIndex(r => r.OrderId);
    }
}
