using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Loyalty;
using Platform.Domain.Orders;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Kpis;

/// <summary>
/// Client KPIs: the share of turnover per client and the share of strategic clients, and the
/// sleeping clients as of each bucket's end. The rules are the client card's (<see cref="ClientInsightsOptions.IsStrategic"/>,
/// <see cref="PurchaseStats.IsSleepingAt"/>); the sleeping rule runs in SQL here, written to mirror IsSleepingAt (see
/// <see cref="SleepingSql"/>), and a test compares the two.
/// </summary>
public sealed class ClientKpis(PlatformDbContext db, IOptions<ClientInsightsOptions> insights, IOptions<LoyaltyOptions> loyalty)
{
    /// <summary>Default and largest number of client rows per bucket and currency.</summary>
    public const int DefaultTop = 10, MaxTop = 100;

    private sealed class Fact
    {
        public int Bucket { get; init; }
        public string Currency { get; init; } = "";
        public long ClientId { get; init; }
        public string Name { get; init; } = "";
        public long Net { get; init; }
    }

    private sealed record PerClient(int Bucket, string Currency, long ClientId, string Name, int Orders, long Net);

    /// <summary>The per-client turnover of a range, kept for the request (this service is scoped), so strategicClientsKpi and strategicShareKpi in one request cost one statement.</summary>
    private readonly Dictionary<(DateTime, DateTime, KpiBucket), List<PerClient>> _turnover = [];

    /// <summary>An order with the lead its client came from, if any (the lead dimensions of a client).</summary>

    /// <summary>A paid order: its client, the client's dimension value, when it was placed and the bucket it was paid in.</summary>
    private sealed class Purchase
    {
        public long ClientId { get; init; }
        public string? Dimension { get; init; }
        public DateTime PlacedAt { get; init; }
        public int PaidBucket { get; init; }
    }

    /// <summary>Paying and sleeping clients of one bucket and dimension value, counted by the database.</summary>
    private sealed class SleepingCount
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public long PayingClients { get; init; }
        public long SleepingClients { get; init; }
    }

    /// <summary>
    /// Share of turnover per client: one grouped statement sums the net revenue of the orders paid in
    /// the range per bucket, currency and client; shares and the strategic flag (strictly more than
    /// 10 %) are taken against the bucket's total in that currency.
    /// </summary>
    public async Task<(IReadOnlyList<StrategicClientRow> Clients, IReadOnlyList<StrategicShareRow> Shares)> TurnoverSharesAsync(
        KpiRange range, int top, CancellationToken ct)
    {
        var options = insights.Value;
        var key = (range.From, range.To, range.Bucket);
        if (!_turnover.TryGetValue(key, out var perClient))
            _turnover[key] = perClient = await TurnoverPerClientAsync(range, ct);

        var clients = new List<StrategicClientRow>();
        var shares = new List<StrategicShareRow>();
        foreach (var g in perClient.GroupBy(c => (c.Bucket, c.Currency))
                     .OrderBy(g => g.Key.Bucket).ThenBy(g => g.Key.Currency, StringComparer.Ordinal))
        {
            var start = KpiBuckets.Start(range.Bucket, g.Key.Bucket);
            var total = g.Sum(c => c.Net);
            var ranked = g.OrderByDescending(c => c.Net).ThenBy(c => c.ClientId).ToList();
            var strategic = ranked.Where(c => options.IsStrategic(c.Net, total)).ToList();
            var strategicRevenue = strategic.Sum(c => c.Net);
            shares.Add(new StrategicShareRow(start, g.Key.Currency, total, ranked.Count, strategic.Count, strategicRevenue, Share(strategicRevenue, total)));
            clients.AddRange(ranked.Take(top).Select((c, i) => new StrategicClientRow(
                start, g.Key.Currency, i + 1, GlobalId.Encode(nameof(Client), c.ClientId), c.Name, c.Orders, c.Net, Share(c.Net, total),
                options.IsStrategic(c.Net, total))));
        }
        return (clients, shares);
    }

    /// <summary>Σ net per bucket, currency and client of the orders paid in the range: one grouped statement.</summary>
    private async Task<List<PerClient>> TurnoverPerClientAsync(KpiRange range, CancellationToken ct)
    {
        Expression<Func<Order, DateTime>> paidAt = o => o.PaidAt!.Value;
        return await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid && o.PaidAt >= range.From && o.PaidAt < range.To)
            .Select(KpiProjection.Of<Order, Fact>(
                (o, bucket, dimension) => new Fact { Bucket = bucket, Currency = o.Currency, ClientId = o.ClientId, Name = o.Client.Name, Net = o.NetAmountMinor },
                paidAt.Then(KpiBuckets.Ordinal(range.Bucket)), o => null))
            .GroupBy(f => new { f.Bucket, f.Currency, f.ClientId, f.Name })
            .Select(g => new PerClient(g.Key.Bucket, g.Key.Currency, g.Key.ClientId, g.Key.Name, g.Count(), g.Sum(f => f.Net)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Sleeping clients as of the end of each bucket (or the range end, for the last one): the clients with a paid order
    /// by then and, of those, the ones the client card's rule calls sleeping at that moment (≥ 2 paid orders, time since
    /// the last order &gt; 2.5 × the median interval), in the loyalty currency like
    /// <c>Client.isSleeping</c>. One statement counts them in the database (<see cref="SleepingSql"/>); only one row per
    /// bucket and dimension value travels to the API.
    /// </summary>
    public async Task<IReadOnlyList<SleepingClientsRow>> SleepingAsync(KpiRange range, CancellationToken ct)
    {
        var currency = loyalty.Value.Currency;
        var paid = db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Paid && o.PaidAt < range.To && o.Currency == currency);
        Expression<Func<OrderSource, DateTime>> paidAt = s => s.Order.PaidAt!.Value;
        var purchases = OrderSource.Of(paid, db, range.GroupBy).Select(KpiProjection.Of<OrderSource, Purchase>(
            (s, bucket, dimension) => new Purchase { ClientId = s.Order.ClientId, Dimension = dimension, PlacedAt = s.Order.PlacedAt, PaidBucket = bucket },
            paidAt.Then(KpiBuckets.Ordinal(range.Bucket)), OrderSource.Dimension(range.GroupBy)));

        var ordinal = KpiBuckets.OrdinalOf(range.Bucket);
        var asOf = new SortedDictionary<int, DateTime>();
        for (var bucket = ordinal(range.From); bucket <= ordinal(range.To.AddTicks(-1)); bucket++)
        {
            var end = KpiBuckets.Start(range.Bucket, bucket + 1);
            asOf[bucket] = end < range.To ? end : range.To;
        }

        var (inner, parameters) = KpiSql.Of(purchases);
        var sql = SleepingSql(db.Database.ProviderName ?? "", inner, range.GroupBy is not null, asOf, insights.Value);
        var counts = await db.Database.SqlQueryRaw<SleepingCount>(sql, parameters).ToListAsync(ct);

        // As the rule's dimension key, no value and an empty one are one row (null), as Display shows them.
        return counts
            .GroupBy(c => (c.Bucket, Dimension: c.Dimension ?? ""))
            .OrderBy(g => g.Key.Bucket).ThenBy(g => g.Key.Dimension, StringComparer.Ordinal)
            .Select(g =>
            {
                var (paying, sleeping) = ((int)g.Sum(c => c.PayingClients), (int)g.Sum(c => c.SleepingClients));
                return new SleepingClientsRow(KpiBuckets.Start(range.Bucket, g.Key.Bucket),
                    KpiDimensions.Display(range.GroupBy, g.Key.Dimension == "" ? null : g.Key.Dimension), asOf[g.Key.Bucket],
                    paying, sleeping, Durations.Percent(sleeping, paying));
            })
            .ToList();
    }

    /// <summary>
    /// The sleeping-clients statement around <paramref name="inner"/> (EF Core's SQL for the paid orders up to the range
    /// end: client, dimension, placement time, paid bucket). Window functions and common table expressions only, which
    /// SQLite (3.25+), PostgreSQL and SQL Server all run, as in <see cref="Durations"/>. A client's figures change only
    /// in the buckets it paid an order in, so they are computed once per such "state", not once per bucket:
    /// <list type="number">
    /// <item><c>o</c>: the orders, those paid before the range counted in its first bucket;</item>
    /// <item><c>s</c>: the states, each client's distinct paid buckets, valid until the next one (<c>LEAD</c>);</item>
    /// <item><c>m</c>, <c>g</c>: each state's orders (paid by then), <c>LAG</c> over their placement times for the
    /// intervals, <c>ROW_NUMBER</c>/<c>COUNT</c> over the intervals to rank them;</item>
    /// <item><c>st</c>: per state, paid orders, the median interval (the middle rank(s)) and the last placement;</item>
    /// <item>each bucket (a VALUES row with its "as of" moment) joins the state valid in it; per bucket and dimension:
    /// paying clients and, by the rule, sleeping ones.</item>
    /// </list>
    /// The rule in the last step mirrors <see cref="PurchaseStats.IsSleepingAt"/> (the source of truth, with the same
    /// <see cref="ClientInsightsOptions"/>): paid ≥ SleepingMinimumPaidOrders, a median exists and since-last &gt;
    /// SleepingIntervalFactor × median (in seconds, to the millisecond). Change both together: BusinessKpiTests compare
    /// the KPI with the in-memory rule and with <c>Client.isSleeping</c>.
    /// </summary>
    internal static string SleepingSql(string provider, string inner, bool grouped, IReadOnlyDictionary<int, DateTime> asOf, ClientInsightsOptions options)
    {
        var invariant = CultureInfo.InvariantCulture;
        var first = asOf.Keys.Min().ToString(invariant);
        var rows = string.Join(", ", asOf.Select(b => $"({b.Key.ToString(invariant)}, {TimestampLiteral(provider, b.Value)})"));
        // SQLite names VALUES columns column1, column2 and takes no column list; PostgreSQL and SQL Server take one.
        var buckets = provider.Contains("Sqlite", StringComparison.Ordinal)
            ? $"(VALUES {rows}) AS v"
            : $"(VALUES {rows}) AS v(\"column1\", \"column2\")";
        var gap = Durations.SecondsBetween(provider, "m.\"Previous\"", "m.\"PlacedAt\"");
        var since = Durations.SecondsBetween(provider, "st.\"LastPlacedAt\"", "b.\"AsOf\"");
        var dimension = grouped ? "t.\"Dimension\"" : "NULL";
        var factor = options.SleepingIntervalFactor.ToString(invariant);
        var minimum = options.SleepingMinimumPaidOrders.ToString(invariant);
        return $"""
            WITH o AS (
                SELECT t."ClientId", {dimension} AS "Dimension", t."PlacedAt",
                    CASE WHEN t."PaidBucket" < {first} THEN {first} ELSE t."PaidBucket" END AS "Bucket"
                FROM (
                {inner}
                ) AS t
            ),
            s AS (
                SELECT d."ClientId", d."Bucket", LEAD(d."Bucket") OVER (PARTITION BY d."ClientId" ORDER BY d."Bucket") AS "NextBucket"
                FROM (SELECT DISTINCT o."ClientId", o."Bucket" FROM o) AS d
            ),
            m AS (
                SELECT s."ClientId", s."Bucket", s."NextBucket", o."Dimension", o."PlacedAt",
                    LAG(o."PlacedAt") OVER (PARTITION BY s."ClientId", s."Bucket" ORDER BY o."PlacedAt") AS "Previous"
                FROM s INNER JOIN o ON o."ClientId" = s."ClientId" AND o."Bucket" <= s."Bucket"
            ),
            g AS (
                SELECT m."ClientId", m."Bucket", m."NextBucket", m."Dimension", m."PlacedAt", {gap} AS "Gap",
                    ROW_NUMBER() OVER (PARTITION BY m."ClientId", m."Bucket" ORDER BY CASE WHEN m."Previous" IS NULL THEN 1 ELSE 0 END, {gap}) AS "Rank",
                    COUNT(m."Previous") OVER (PARTITION BY m."ClientId", m."Bucket") AS "N"
                FROM m
            ),
            st AS (
                SELECT g."ClientId", g."Bucket", g."NextBucket", g."Dimension", COUNT(*) AS "Paid", MAX(g."PlacedAt") AS "LastPlacedAt",
                    AVG(CASE WHEN g."Gap" IS NOT NULL AND (g."Rank" = (g."N" + 1) / 2 OR g."Rank" = (g."N" + 2) / 2) THEN g."Gap" END) AS "MedianSeconds"
                FROM g
                GROUP BY g."ClientId", g."Bucket", g."NextBucket", g."Dimension"
            )
            SELECT b."Bucket", st."Dimension", CAST(COUNT(*) AS BIGINT) AS "PayingClients",
                CAST(SUM(CASE WHEN st."Paid" >= {minimum} AND st."MedianSeconds" IS NOT NULL AND {since} > {factor} * st."MedianSeconds" THEN 1 ELSE 0 END) AS BIGINT) AS "SleepingClients"
            FROM (SELECT v."column1" AS "Bucket", v."column2" AS "AsOf" FROM {buckets}) AS b
            INNER JOIN st ON b."Bucket" >= st."Bucket" AND (st."NextBucket" IS NULL OR b."Bucket" < st."NextBucket")
            GROUP BY b."Bucket", st."Dimension"
            """;
    }

    /// <summary>A UTC moment as a SQL literal of the provider's timestamp type (our own values, never user text).</summary>
    private static string TimestampLiteral(string provider, DateTime utc)
    {
        var text = utc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        return provider switch
        {
            _ when provider.Contains("Npgsql", StringComparison.Ordinal) => $"CAST('{text}+00' AS TIMESTAMPTZ)",
            _ when provider.Contains("Sqlite", StringComparison.Ordinal) => $"'{text}'",
            _ when provider.Contains("SqlServer", StringComparison.Ordinal) => $"CAST('{text}' AS DATETIME2)",
            _ => throw new NotSupportedException($"No timestamp literal for the provider {provider}."),
        };
    }

    private static double? Share(long part, long total) => total == 0 ? null : 100.0 * part / total;
}
