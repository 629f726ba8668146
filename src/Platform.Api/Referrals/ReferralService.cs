using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>Staff steps of the reward lifecycle: approving rewards whose holding period is over, recording payouts.</summary>
public sealed class ReferralService(PlatformDbContext db, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Approves every earned reward whose holding period has passed. When another
    /// request changed one of them meanwhile (a concurrent approval or payout), the batch is re-read and
    /// retried: what the other request approved is not approved twice, and nothing is lost.
    /// </summary>
    public async Task<ApproveDueRewardsPayload> ApproveDueAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = Now;
            var due = await db.Rewards.Where(w => w.Status == RewardStatus.Earned && w.ApprovableAt <= now).OrderBy(w => w.Id).ToListAsync(ct);
            var approved = due.Where(w => RewardRules.Approve(w, now)).ToList();
            try
            {
                await db.SaveChangesAsync(ct);
                return new ApproveDueRewardsPayload(approved, []);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                if (attempt == MaxApproveAttempts)
                    return new ApproveDueRewardsPayload([], [new ConflictError(0, "Other requests kept changing the due rewards; nothing was approved by this call. Retry it.")]);
            }
        }
    }

    private const int MaxApproveAttempts = 5;

    /// <summary>Pays approved rewards of one partner in one payout; any reward that is not the partner's or not approved refuses the whole payout.</summary>
    public async Task<PayoutPayload> RecordPayoutAsync(RecordPayoutInput input, long partnerId, IReadOnlyList<long> rewardIds, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Reference))
            return PayoutPayload.Failed(new ValidationError("reference", "A payout needs the bank transfer or invoice reference."));
        if (db.Check<Payout>(nameof(Payout.Reference), "reference", input.Reference.Trim()) is { } badReference)
            return PayoutPayload.Failed(badReference);
        if (rewardIds.Count == 0)
            return PayoutPayload.Failed(new ValidationError("rewardIds", "A payout pays at least one approved reward."));
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, ct))
            return PayoutPayload.Failed(new NotFoundError(input.PartnerId, $"No partner has the ID \"{input.PartnerId}\"."));
        var rewards = await db.Rewards.Where(w => rewardIds.Contains(w.Id) && db.Referrals.Any(r => r.Id == w.ReferralId && r.PartnerId == partnerId)).ToListAsync(ct);
        if (rewards.Count != rewardIds.Distinct().Count())
            return PayoutPayload.Failed(new ValidationError("rewardIds", "Every reward must exist and belong to a referral of the partner."));
        if (rewards.FirstOrDefault(w => w.Status != RewardStatus.Approved) is { } unapproved)
            return PayoutPayload.Failed(new ValidationError("rewardIds", $"Only APPROVED rewards are paid out; reward {IdOf(unapproved)} is {unapproved.Status.ToString().ToUpperInvariant()}."));
        if (rewards.Select(w => w.Currency).Distinct().Count() > 1)
            return PayoutPayload.Failed(new ValidationError("rewardIds", "A payout pays rewards of one currency."));

        var now = Now;
        var payout = new Payout { PartnerId = partnerId, AmountMinor = rewards.Sum(w => w.AmountMinor), Currency = rewards[0].Currency, PaidAt = now, Reference = input.Reference.Trim() };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Payouts.Add(payout);
        await db.SaveChangesAsync(ct); // the rewards point to the payout's id
        foreach (var reward in rewards)
            RewardRules.Pay(reward, payout.Id, now);
        if (await db.SaveOrConflictAsync(rewards[0], ct) is { } conflict)
            return PayoutPayload.Failed(conflict);
        await tx.CommitAsync(ct);
        return new PayoutPayload(payout, rewards, []);
    }

    private static string IdOf(Reward reward) => Platform.GraphQL.Server.Relay.GlobalId.Encode(nameof(Reward), reward.Id);
}
