using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Api.Webhooks;

/// <summary>
/// Records the attempts of one claim in one transaction, each only if the claim is still this dispatcher's, and the
/// health of their subscriptions: a success ends a failing streak; a streak as long as
/// <see cref="WebhookOptions.DisableAfter"/> disables the subscription.
/// </summary>
internal static class WebhookOutcomes
{
    /// <summary>Records <paramref name="attempts"/>, made under one lease, with <paramref name="db"/>, which must track nothing.</summary>
    public static async Task RecordAsync(PlatformDbContext db, IReadOnlyList<WebhookAttempt> attempts, WebhookOptions options, CancellationToken ct)
    {
        if (attempts.Count == 0)
            return;
        var lease = attempts[0].Delivery.LockedUntil;
        var ids = attempts.Select(a => a.Delivery.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locks what is still held, so no other dispatcher whose lease came takes it over before the outcomes are in.
        var held = db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.LockedUntil == lease);
        await held.ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedUntil, lease), ct);
        var ours = (await held.Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var recorded = attempts.Where(a => ours.Contains(a.Delivery.Id)).ToList();
        foreach (var attempt in recorded)
        {
            var delivery = attempt.Delivery;
            db.WebhookDeliveries.Attach(delivery);
            delivery.Status = attempt.Outcome;
            delivery.Attempts++;
            delivery.NextAttemptAt = attempt.NextAttemptAt;
            delivery.LockedUntil = null;
            delivery.LastAttemptAt = attempt.At;
            delivery.ResponseStatus = attempt.ResponseStatus;
            delivery.DurationMs = attempt.DurationMs;
            delivery.Error = attempt.Error;
            delivery.DeliveredAt = attempt.Succeeded ? attempt.At : null;
        }
        await db.SaveChangesAsync(ct);
        foreach (var subscription in recorded.GroupBy(a => a.Delivery.SubscriptionId))
            await RecordHealthAsync(db, subscription.Key, subscription.OrderBy(a => a.At).ToList(), options, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>One subscription's attempts, oldest first.</summary>
    private static async Task RecordHealthAsync(PlatformDbContext db, long subscriptionId, List<WebhookAttempt> attempts, WebhookOptions options, CancellationToken ct)
    {
        var subscriptions = db.WebhookSubscriptions.Where(s => s.Id == subscriptionId);
        if (attempts.Any(a => a.Succeeded))
        {
            await subscriptions.Where(s => s.FailingSince != null).ExecuteUpdateAsync(u => u.SetProperty(s => s.FailingSince, (DateTime?)null), ct);
            return;
        }
        var (first, last) = (attempts[0], attempts[^1]);
        await subscriptions.Where(s => s.FailingSince == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.FailingSince, first.At), ct);
        var failingSince = last.At - options.DisableAfter;
        var reason = WebhookSender.Truncate($"Every attempt failed for {options.DisableAfter.TotalHours:0.#} hours; the last: {last.Error ?? $"HTTP {last.ResponseStatus}"}");
        await subscriptions.Where(s => s.IsEnabled && s.FailingSince <= failingSince).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.IsEnabled, false)
            .SetProperty(s => s.DisabledReason, reason), ct);
    }
}
