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
/// deliveries and their events' mark are one transaction. The deliveries due at once come out claimed by the caller until
/// a lease, as <see cref="WebhookClaims"/> would claim them but without a claim's round trips: those of a subscription and
/// aggregate with no earlier delivery pending, at most a chain's length of them.
/// </summary>
internal static class WebhookFanOut
{
    /// <summary>What a fan-out did: the events it took, and the deliveries it claimed until the lease.</summary>
    public sealed record Result(int Taken, List<WebhookDelivery> Claimed);

    /// <summary>
    /// Fans out the next <paramref name="batch"/> events, claiming the deliveries due at once until
    /// <paramref name="leaseUntil"/>, up to <paramref name="chainLength"/> per subscription and aggregate.
    /// </summary>
    public static async Task<Result> RunAsync(PlatformDbContext db, int batch, DateTime now, DateTime leaseUntil, int chainLength, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var events = await db.OutboxEvents.FromSqlRaw(NextEventsSql(db), batch).AsNoTracking().ToListAsync(ct);
        if (events.Count == 0)
            return new(0, []);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.IsEnabled).ToListAsync(ct);
        var pairs = events.SelectMany(e => ReceiversOf(e, subscriptions).Select(s => new DeliveryPair(e.Id, s.Id))).ToList();
        var made = pairs.Count > 0 ? await InsertAsync(db, WithinChains(pairs, events, chainLength), now, leaseUntil, ct) : [];
        var ids = events.Select(e => e.Id).ToList();
        await db.OutboxEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.FannedOutAt, now), ct);
        await transaction.CommitAsync(ct);
        return new(events.Count, [.. made.Where(d => d.LockedUntil is not null).OrderBy(d => d.Id)]);
    }

    /// <summary>One event for one subscription, and whether its delivery may be claimed as it is made.</summary>
    internal readonly record struct DeliveryPair(long EventId, long SubscriptionId, bool Claim = false);

    /// <summary>Marks the first <paramref name="chainLength"/> pairs of each subscription and aggregate as claimable.</summary>
    private static List<DeliveryPair> WithinChains(List<DeliveryPair> pairs, List<OutboxEvent> events, int chainLength)
    {
        var aggregateOf = events.ToDictionary(e => e.Id, e => (e.AggregateType, e.AggregateId));
        var lengths = new Dictionary<(long, string, long), int>();
        return [.. pairs.Select(p =>
        {
            var (type, id) = aggregateOf[p.EventId];
            var length = lengths.GetValueOrDefault((p.SubscriptionId, type, id));
            lengths[(p.SubscriptionId, type, id)] = length + 1;
            return p with { Claim = length < chainLength };
        })];
    }

    /// <summary>
    /// Inserts the deliveries of <paramref name="pairs"/> (in event order) in one statement that copies each event from
    /// the outbox, and returns them; their ids follow the events' order, which the claims' per-aggregate order relies on.
    /// Those marked claimable whose subscription has no delivery of the aggregate pending from before (those wait for it)
    /// are leased until <paramref name="leaseUntil"/>.
    /// </summary>
    internal static Task<List<WebhookDelivery>> InsertAsync(PlatformDbContext db, IReadOnlyList<DeliveryPair> pairs, DateTime now, DateTime leaseUntil, CancellationToken ct) =>
        (db switch
        {
            PostgresDbContext => db.WebhookDeliveries.FromSqlRaw(InsertFromArraysSql,
                pairs.Select(p => p.EventId).ToArray(), pairs.Select(p => p.SubscriptionId).ToArray(), pairs.Select(p => p.Claim).ToArray(), now, leaseUntil),
            SqlServerDbContext => db.WebhookDeliveries.FromSqlRaw(InsertFromJsonSqlServerSql, PairsJson(pairs), now, leaseUntil),
            _ => db.WebhookDeliveries.FromSqlRaw(InsertFromJsonSql, PairsJson(pairs), now, leaseUntil),
        }).AsNoTracking().ToListAsync(ct);

    /// <summary>A subscription receives what happens from its creation on.</summary>
    private static IEnumerable<WebhookSubscription> ReceiversOf(OutboxEvent e, List<WebhookSubscription> subscriptions) =>
        EventStreams.Of(e.Type) is not { } stream ? [] : subscriptions.Where(s => s.CreatedAt <= e.OccurredAt && s.EventTypes.Contains(e.Type)
            && stream.Visible(new EventCaller(s.PartnerId, s.LeadOwnerId))(e));

    /// <summary><c>[[eventId,subscriptionId,claim],…]</c>: one parameter whatever the count (SQL Server takes at most 2,100).</summary>
    private static string PairsJson(IReadOnlyList<DeliveryPair> pairs) =>
        "[" + string.Join(",", pairs.Select(p => $"[{p.EventId},{p.SubscriptionId},{(p.Claim ? 1 : 0)}]")) + "]";

    private const string Pending = nameof(WebhookDeliveryStatus.Pending);

    private const string Columns = """
        "SubscriptionId", "EventId", "Type", "OccurredAt", "AggregateType", "AggregateId", "AggregateVersion", "Payload", "Status", "Attempts", "NextAttemptAt", "CreatedAt", "LockedUntil"
        """;

    private const string InsertFromArraysSql = $$"""
        INSERT INTO "WebhookDeliveries" ({{Columns}})
        SELECT p."SubscriptionId", e."Id", e."Type", e."OccurredAt", e."AggregateType", e."AggregateId", e."AggregateVersion", e."Payload", '{{Pending}}', 0, {3}, {3},
          CASE WHEN p."Claim" AND NOT EXISTS (
            SELECT 1 FROM "WebhookDeliveries" AS d WHERE d."SubscriptionId" = p."SubscriptionId" AND d."AggregateType" = e."AggregateType"
              AND d."AggregateId" = e."AggregateId" AND d."Status" = '{{Pending}}') THEN {4} END
        FROM unnest({0}, {1}, {2}) AS p("EventId", "SubscriptionId", "Claim") JOIN "OutboxEvents" AS e ON e."Id" = p."EventId"
        ORDER BY p."EventId", p."SubscriptionId"
        RETURNING *
        """;

    private const string InsertFromJsonSql = $$"""
        INSERT INTO "WebhookDeliveries" ({{Columns}})
        SELECT json_extract(p.value, '$[1]'), e."Id", e."Type", e."OccurredAt", e."AggregateType", e."AggregateId", e."AggregateVersion", e."Payload", '{{Pending}}', 0, {1}, {1},
          CASE WHEN json_extract(p.value, '$[2]') = 1 AND NOT EXISTS (
            SELECT 1 FROM "WebhookDeliveries" AS d WHERE d."SubscriptionId" = json_extract(p.value, '$[1]') AND d."AggregateType" = e."AggregateType"
              AND d."AggregateId" = e."AggregateId" AND d."Status" = '{{Pending}}') THEN {2} END
        FROM json_each({0}) AS p JOIN "OutboxEvents" AS e ON e."Id" = json_extract(p.value, '$[0]')
        ORDER BY e."Id", json_extract(p.value, '$[1]')
        RETURNING *
        """;

    private const string InsertFromJsonSqlServerSql = $$"""
        INSERT INTO [WebhookDeliveries] ([SubscriptionId], [EventId], [Type], [OccurredAt], [AggregateType], [AggregateId], [AggregateVersion], [Payload], [Status], [Attempts], [NextAttemptAt], [CreatedAt], [LockedUntil])
        OUTPUT inserted.*
        SELECT p.[SubscriptionId], e.[Id], e.[Type], e.[OccurredAt], e.[AggregateType], e.[AggregateId], e.[AggregateVersion], e.[Payload], '{{Pending}}', 0, {1}, {1},
          CASE WHEN p.[Claim] = 1 AND NOT EXISTS (SELECT 1 FROM [WebhookDeliveries] AS d WHERE d.[SubscriptionId] = p.[SubscriptionId] AND d.[AggregateType] = e.[AggregateType] AND d.[AggregateId] = e.[AggregateId] AND d.[Status] = '{{Pending}}') THEN {2} END
        FROM OPENJSON({0}) WITH ([EventId] bigint '$[0]', [SubscriptionId] bigint '$[1]', [Claim] bit '$[2]') AS p JOIN [OutboxEvents] AS e ON e.[Id] = p.[EventId]
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
