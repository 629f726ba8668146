using Microsoft.EntityFrameworkCore;
using Platform.Api.Events;
using Platform.Data;
using Platform.Domain.Events;
using Platform.Domain.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>
/// Turns outbox events into deliveries: each event, for each enabled subscription made before it that names its type and
/// whose owner may receive it (the event streams' rules, as for subscriptions). Events are taken in id order under row locks that
/// make processes wait for each other (not skip), so one aggregate's deliveries are made in event order; a batch's
/// deliveries and their events' mark are one transaction.
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
        var pairs = events.SelectMany(e => ReceiversOf(e, subscriptions).Select(s => new DeliveryPair(e.Id, s.Id))).ToList();
        if (pairs.Count > 0)
            await InsertAsync(db, pairs, now, ct);
        var ids = events.Select(e => e.Id).ToList();
        await db.OutboxEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.FannedOutAt, now), ct);
        await transaction.CommitAsync(ct);
        return events.Count;
    }

    /// <summary>One event for one subscription.</summary>
    internal readonly record struct DeliveryPair(long EventId, long SubscriptionId);

    /// <summary>
    /// Inserts the deliveries of <paramref name="pairs"/> (in event order) in one statement that copies each event from
    /// the outbox; their ids follow the events' order, which the claims' per-aggregate order relies on.
    /// </summary>
    internal static Task<int> InsertAsync(PlatformDbContext db, IReadOnlyList<DeliveryPair> pairs, DateTime now, CancellationToken ct) => db switch
    {
        PostgresDbContext => db.Database.ExecuteSqlRawAsync(InsertFromArraysSql,
            [pairs.Select(p => p.EventId).ToArray(), pairs.Select(p => p.SubscriptionId).ToArray(), now], ct),
        SqlServerDbContext => db.Database.ExecuteSqlRawAsync(InsertFromJsonSqlServerSql, [PairsJson(pairs), now], ct),
        _ => db.Database.ExecuteSqlRawAsync(InsertFromJsonSql, [PairsJson(pairs), now], ct),
    };

    /// <summary>A subscription receives what happens from its creation on.</summary>
    private static IEnumerable<WebhookSubscription> ReceiversOf(OutboxEvent e, List<WebhookSubscription> subscriptions) =>
        EventStreams.Of(e.Type) is not { } stream ? [] : subscriptions.Where(s => s.CreatedAt <= e.OccurredAt && s.EventTypes.Contains(e.Type)
            && stream.Visible(new EventCaller(s.PartnerId, s.LeadOwnerId))(e));

    /// <summary><c>[[eventId,subscriptionId],…]</c>: one parameter whatever the count (SQL Server takes at most 2,100).</summary>
    private static string PairsJson(IReadOnlyList<DeliveryPair> pairs) => "[" + string.Join(",", pairs.Select(p => $"[{p.EventId},{p.SubscriptionId}]")) + "]";

    private const string Pending = nameof(WebhookDeliveryStatus.Pending);

    private const string Columns = """
        "SubscriptionId", "EventId", "Type", "OccurredAt", "AggregateType", "AggregateId", "AggregateVersion", "Payload", "Status", "Attempts", "NextAttemptAt", "CreatedAt"
        """;

    private const string InsertFromArraysSql = $$"""
        INSERT INTO "WebhookDeliveries" ({{Columns}})
        SELECT p."SubscriptionId", e."Id", e."Type", e."OccurredAt", e."AggregateType", e."AggregateId", e."AggregateVersion", e."Payload", '{{Pending}}', 0, {2}, {2}
        FROM unnest({0}, {1}) AS p("EventId", "SubscriptionId") JOIN "OutboxEvents" AS e ON e."Id" = p."EventId"
        ORDER BY p."EventId", p."SubscriptionId"
        """;

    private const string InsertFromJsonSql = $$"""
        INSERT INTO "WebhookDeliveries" ({{Columns}})
        SELECT json_extract(p.value, '$[1]'), e."Id", e."Type", e."OccurredAt", e."AggregateType", e."AggregateId", e."AggregateVersion", e."Payload", '{{Pending}}', 0, {1}, {1}
        FROM json_each({0}) AS p JOIN "OutboxEvents" AS e ON e."Id" = json_extract(p.value, '$[0]')
        ORDER BY e."Id", json_extract(p.value, '$[1]')
        """;

    private const string InsertFromJsonSqlServerSql = $$"""
        INSERT INTO [WebhookDeliveries] ([SubscriptionId], [EventId], [Type], [OccurredAt], [AggregateType], [AggregateId], [AggregateVersion], [Payload], [Status], [Attempts], [NextAttemptAt], [CreatedAt])
        SELECT p.[SubscriptionId], e.[Id], e.[Type], e.[OccurredAt], e.[AggregateType], e.[AggregateId], e.[AggregateVersion], e.[Payload], '{{Pending}}', 0, {1}, {1}
        FROM OPENJSON({0}) WITH ([EventId] bigint '$[0]', [SubscriptionId] bigint '$[1]') AS p JOIN [OutboxEvents] AS e ON e.[Id] = p.[EventId]
        ORDER BY p.[EventId], p.[SubscriptionId]
        """;

    /// <summary>The oldest events not fanned out, locked until the transaction ends (SQLite: one process, its write lock).</summary>
    private static string NextEventsSql(PlatformDbContext db) => db switch
    {
        PostgresDbContext => """SELECT * FROM "OutboxEvents" WHERE "FannedOutAt" IS NULL ORDER BY "Id" LIMIT {0} FOR UPDATE""",
        SqlServerDbContext => "SELECT TOP ({0}) * FROM [OutboxEvents] WITH (UPDLOCK, ROWLOCK) WHERE [FannedOutAt] IS NULL ORDER BY [Id]",
        _ => """SELECT * FROM "OutboxEvents" WHERE "FannedOutAt" IS NULL ORDER BY "Id" LIMIT {0}""",
    };
}
