using Microsoft.EntityFrameworkCore;
using Platform.Api.Events;
using Platform.Data;
using Platform.Domain.Events;
using Platform.Domain.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>
/// Turns outbox events into deliveries: each event, for each enabled subscription made before it that names its type and
/// whose owner may receive it (the event streams' rules, as for subscriptions). Events are taken in id order under row locks that
/// make processes wait for each other (not skip), so one aggregate's deliveries are made in event order; one event's
/// deliveries and its mark are one transaction.
/// </summary>
internal static class WebhookFanOut
{
    /// <summary>Fans out the next <paramref name="batch"/> events; returns how many it took.</summary>
    public static async Task<int> RunAsync(PlatformDbContext db, int batch, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var events = await db.OutboxEvents.FromSqlRaw(NextEventsSql(db), batch).AsNoTracking().ToListAsync(ct);
        if (events.Count == 0)
            return 0;
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.IsEnabled).ToListAsync(ct);
        foreach (var e in events)
        {
            var stream = EventStreams.Of(e.Type);
            // A subscription receives what happens from its creation on.
            foreach (var subscription in subscriptions.Where(s => stream is not null && s.CreatedAt <= e.OccurredAt && s.EventTypes.Contains(e.Type)
                && stream.Visible(new EventCaller(s.PartnerId, s.LeadOwnerId))(e)))
                db.WebhookDeliveries.Add(DeliveryOf(e, subscription.Id, now));
        }
        await db.SaveChangesAsync(ct);
        // A round fans out batch after batch with one context: every save would look through the deliveries of the last.
        db.ChangeTracker.Clear();
        var ids = events.Select(e => e.Id).ToList();
        await db.OutboxEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.FannedOutAt, now), ct);
        await transaction.CommitAsync(ct);
        return events.Count;
    }

    private static WebhookDelivery DeliveryOf(OutboxEvent e, long subscriptionId, DateTime now) => new()
    {
        SubscriptionId = subscriptionId,
        EventId = e.Id,
        Type = e.Type,
        OccurredAt = e.OccurredAt,
        AggregateType = e.AggregateType,
        AggregateId = e.AggregateId,
        AggregateVersion = e.AggregateVersion,
        Payload = e.Payload,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>The oldest events not fanned out, locked until the transaction ends (SQLite: one process, its write lock).</summary>
    private static string NextEventsSql(PlatformDbContext db) => db switch
    {
        PostgresDbContext => """SELECT * FROM "OutboxEvents" WHERE "FannedOutAt" IS NULL ORDER BY "Id" LIMIT {0} FOR UPDATE""",
        SqlServerDbContext => "SELECT TOP ({0}) * FROM [OutboxEvents] WITH (UPDLOCK, ROWLOCK) WHERE [FannedOutAt] IS NULL ORDER BY [Id]",
        _ => """SELECT * FROM "OutboxEvents" WHERE "FannedOutAt" IS NULL ORDER BY "Id" LIMIT {0}""",
    };
}
