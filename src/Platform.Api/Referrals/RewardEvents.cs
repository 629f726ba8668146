using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Orders;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>
/// Moves referral rewards on the events that drive them (R3): a referred lead converts, the
/// referred client's order is paid or refunded. Changes are tracked, not saved: the caller's save
/// commits them with the event itself.
/// </summary>
public sealed class RewardEvents(PlatformDbContext db)
{
    /// <summary>
    /// The referred lead became a client: its referral gets a pending reward — or a void one, and the
    /// referral is rejected, when that client had already paid an order before (R3).
    /// </summary>
    public async Task OnConvertedAsync(long leadId, long clientId, DateTime now, CancellationToken ct)
    {
        var referral = await db.Referrals.Where(r => r.LeadId == leadId && !r.Rewards.Any()).SingleOrDefaultAsync(ct);
        if (referral is null)
            return;
        var program = await db.ReferralPrograms.SingleAsync(p => p.Id == referral.ProgramId, ct);
        var hadPaid = await db.Orders.AnyAsync(o => o.ClientId == clientId && o.PaidAt != null, ct);
        var reward = RewardRules.AtConversion(referral, program, hadPaid, now);
        db.Rewards.Add(reward);
        if (reward.Status == RewardStatus.Void)
            referral.Reject(reward.VoidReason);
    }

    /// <summary>R3: the referred client's first paid order earns the pending reward.</summary>
    public async Task OnOrderPaidAsync(Order order, DateTime now, CancellationToken ct)
    {
        var pending = await db.Rewards.Where(w => w.Status == RewardStatus.Pending)
            .Join(db.Referrals.Where(r => r.ClientId == order.ClientId), w => w.ReferralId, r => r.Id, (w, r) => new { Reward = w, Referral = r })
            .ToListAsync(ct);
        foreach (var (reward, referral) in pending.Select(x => (x.Reward, x.Referral)))
        {
            var program = await db.ReferralPrograms.SingleAsync(p => p.Id == referral.ProgramId, ct);
            if (!RewardRules.Earn(reward, referral, program, order.Id, order.NetAmountMinor, now))
                continue;
            // Paid within the attribution window: rewarded; after it: not eligible.
            if (reward.Status == RewardStatus.Earned)
                referral.MarkRewarded();
            else
                referral.Reject(reward.VoidReason);
        }
    }

    /// <summary>A refund within the holding period voids the reward the order earned.</summary>
    public async Task OnOrderRefundedAsync(Order order, DateTime now, CancellationToken ct)
    {
        var earned = await db.Rewards.Where(w => w.OrderId == order.Id && w.Status == RewardStatus.Earned)
            .Join(db.Referrals, w => w.ReferralId, r => r.Id, (w, r) => new { Reward = w, Referral = r })
            .ToListAsync(ct);
        foreach (var x in earned)
        {
            if (RewardRules.Refund(x.Reward, order.Id, now))
                x.Referral.WithdrawReward();
        }
    }
}
