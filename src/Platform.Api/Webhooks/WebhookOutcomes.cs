using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>
/// Records the attempts of one claim in one transaction, each only if the claim is still this dispatcher's, lets go of
/// the claimed deliveries not attempted (those after a failed one of their subscription and aggregate), and the
/// health of their subscriptions: a success ends a failing streak; a streak as long as
/// <see cref="WebhookOptions.DisableAfter"/> disables the subscription.
/// </summary>
internal static class WebhookOutcomes
{
    /// <summary>Records <paramref name="attempts"/>, made under one lease, and lets go of <paramref name="unattempted"/>.</summary>
    public static async Task RecordAsync(
        PlatformDbContext db, IReadOnlyList<WebhookAttempt> attempts, IReadOnlyList<WebhookDelivery> unattempted, WebhookOptions options, CancellationToken ct)
    {
        if (attempts.Count == 0)
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ours = (await UpdateHeldAsync(db, attempts, ct)).ToHashSet();
        if (unattempted.Count > 0)
        {
            var (ids, lease) = (unattempted.Select(d => d.Id).ToList(), attempts[0].Delivery.LockedUntil);
            await db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.LockedUntil == lease)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedUntil, (DateTime?)null), ct);
        }
        var recorded = attempts.Where(a => ours.Contains(a.Delivery.Id)).ToList();
        foreach (var subscription in recorded.GroupBy(a => a.Delivery.SubscriptionId))
            await RecordHealthAsync(db, subscription.Key, subscription.OrderBy(a => a.At).ToList(), options, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Records each attempt whose delivery is still held under the claim's lease, in one statement; returns their ids.
    /// The row locks it takes keep another dispatcher whose lease came from taking a delivery over meanwhile.
    /// </summary>
    internal static Task<List<long>> UpdateHeldAsync(PlatformDbContext db, IReadOnlyList<WebhookAttempt> attempts, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>(RecordSql(db), [OutcomesJson(db, attempts), attempts[0].Delivery.LockedUntil!]).ToListAsync(ct);

    /// <summary>The attempts as one JSON parameter, times as each database reads them (SQLite compares them as text).</summary>
    private static string OutcomesJson(PlatformDbContext db, IReadOnlyList<WebhookAttempt> attempts)
    {
        var format = db switch
        {
            PostgresDbContext => "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'",
            SqlServerDbContext => "yyyy-MM-dd'T'HH:mm:ss.fffffff",
            _ => "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        };
        string Time(DateTime t) => t.ToString(format, CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(attempts.Select(a => new Outcome(
            a.Delivery.Id, a.Outcome.ToString(), Time(a.At), Time(a.NextAttemptAt), a.ResponseStatus, a.DurationMs, a.Error)));
    }

    private sealed record Outcome(long Id, string Status, string At, string NextAttemptAt, int? ResponseStatus, int DurationMs, string? Error);

    private const string Succeeded = nameof(WebhookDeliveryStatus.Succeeded);

    /// <summary>Each outcome ({0}) recorded if its delivery is still held under the lease ({1}); returns the ids recorded.</summary>
    private static string RecordSql(PlatformDbContext db) => db switch
    {
        PostgresDbContext => $$"""
            UPDATE "WebhookDeliveries" AS d
            SET "Status" = o."Status", "Attempts" = d."Attempts" + 1, "NextAttemptAt" = o."NextAttemptAt", "LockedUntil" = NULL, "LastAttemptAt" = o."At",
                "ResponseStatus" = o."ResponseStatus", "DurationMs" = o."DurationMs", "Error" = o."Error", "DeliveredAt" = CASE WHEN o."Status" = '{{Succeeded}}' THEN o."At" END
            FROM json_to_recordset({0}::json) AS o("Id" bigint, "Status" text, "At" timestamptz, "NextAttemptAt" timestamptz, "ResponseStatus" int, "DurationMs" int, "Error" text)
            WHERE d."Id" = o."Id" AND d."LockedUntil" = {1}
            RETURNING d."Id" AS "Value"
            """,
        SqlServerDbContext => $$"""
            UPDATE d
            SET [Status] = o.[Status], [Attempts] = d.[Attempts] + 1, [NextAttemptAt] = o.[NextAttemptAt], [LockedUntil] = NULL, [LastAttemptAt] = o.[At],
                [ResponseStatus] = o.[ResponseStatus], [DurationMs] = o.[DurationMs], [Error] = o.[Error], [DeliveredAt] = CASE WHEN o.[Status] = '{{Succeeded}}' THEN o.[At] END
            OUTPUT inserted.[Id] AS [Value]
            FROM [WebhookDeliveries] AS d
            JOIN OPENJSON({0}) WITH ([Id] bigint, [Status] nvarchar(40), [At] datetime2, [NextAttemptAt] datetime2, [ResponseStatus] int, [DurationMs] int, [Error] nvarchar(1000)) AS o ON o.[Id] = d.[Id]
            WHERE d.[LockedUntil] = {1}
            """,
        _ => $$"""
            UPDATE "WebhookDeliveries" AS d
            SET "Status" = json_extract(o.value, '$.Status'), "Attempts" = d."Attempts" + 1, "NextAttemptAt" = json_extract(o.value, '$.NextAttemptAt'),
                "LockedUntil" = NULL, "LastAttemptAt" = json_extract(o.value, '$.At'), "ResponseStatus" = json_extract(o.value, '$.ResponseStatus'),
                "DurationMs" = json_extract(o.value, '$.DurationMs'), "Error" = json_extract(o.value, '$.Error'),
                "DeliveredAt" = CASE WHEN json_extract(o.value, '$.Status') = '{{Succeeded}}' THEN json_extract(o.value, '$.At') END
            FROM json_each({0}) AS o
            WHERE d."Id" = json_extract(o.value, '$.Id') AND d."LockedUntil" = {1}
            RETURNING "Id" AS "Value"
            """,
    };

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
