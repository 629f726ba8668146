using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Kpis;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;
using Platform.Domain.Orders;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Kpis;

/// <summary>The revenue rollups against the orders they sum: after the demo seed, after payments, refunds, cancellations, reassignments, concurrent payments and direct changes, a compaction and a rebuild.</summary>
public abstract class RevenueRollupTests<THost>(THost api) where THost : ApiHost
{
    private static readonly DateTime Ever = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Never = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task DemoData_RollupsEqualTheOrders() => await AssertRollupsEqualTheOrdersAsync();

    [Fact] // a client saved with its orders, payments and a refund through the API, a new owner, origin lead and channel, a moved payment, a delete, a cancellation, a new temperature
    public async Task Writes_KeepTheRollupsExact()
    {
        var clientId = await api.ClientAsync(
            new PastOrder(new DateTime(2029, 3, 3, 0, 0, 0, DateTimeKind.Utc), 10000), new PastOrder(new DateTime(2029, 3, 9, 0, 0, 0, DateTimeKind.Utc), 20000),
            new PastOrder(new DateTime(2029, 4, 1, 0, 0, 0, DateTimeKind.Utc), 5000, OrderStatus.Refunded), new PastOrder(new DateTime(2029, 4, 2, 0, 0, 0, DateTimeKind.Utc), 7000, OrderStatus.Placed));
        var kept = await PlaceAndPayAsync(clientId, 30000);
        var refunded = await PlaceAndPayAsync(clientId, 40000);
        Assert.Empty((await MutateAsync("refundOrder", "RefundOrderInput", new { orderId = refunded, reference = "REFUND-1" }))["errors"]!.AsArray());

        await WithDbAsync(async db =>
        {
            var id = GlobalId.TryDecode(clientId, "Client")!.Value;
            var client = await db.Clients.SingleAsync(c => c.Id == id);
            var lead = await db.Leads.OrderBy(l => l.Id).FirstAsync();
            client.OwnerId = await db.StaffUsers.OrderByDescending(s => s.Id).Select(s => (long?)s.Id).FirstAsync();
            client.OriginLeadId = lead.Id;
            lead.Channel = LeadChannels.Webinar;
            var moved = await db.Orders.SingleAsync(o => o.Id == GlobalId.TryDecode(kept, "Order")!.Value);
            moved.PaidAt = new DateTime(2029, 7, 7, 0, 0, 0, DateTimeKind.Utc);
            var deleted = new Order { ClientId = id, Number = 99, GrossAmountMinor = 900, NetAmountMinor = 900, Status = OrderStatus.Paid, PlacedAt = moved.PaidAt.Value, PaidAt = moved.PaidAt };
            db.Orders.Add(deleted);
            await db.SaveChangesAsync();
            db.Orders.Remove(deleted);
            await db.SaveChangesAsync();
            db.Entry(moved).Property(o => o.Status).CurrentValue = OrderStatus.Cancelled; // a correction no mutation makes
            lead.Temperature = lead.Temperature == LeadTemperature.Hot ? LeadTemperature.Cold : LeadTemperature.Hot;
            await db.SaveChangesAsync();
            return 0;
        });

        await AssertRollupsEqualTheOrdersAsync();
    }

    [Fact] // payments of one client's first orders of a month, saved at once from several contexts: one paying client, one repeat client
    public async Task ConcurrentPayments_OfOneClient_CountedOnce()
    {
        var id = GlobalId.TryDecode(await api.ClientAsync(), "Client")!.Value;
        var paidAt = new DateTime(2029, 9, 9, 0, 0, 0, DateTimeKind.Utc);

        await Task.WhenAll(Enumerable.Range(1, 4).Select(n => WithDbAsync(async db =>
        {
            db.Orders.Add(new Order { ClientId = id, Number = 100 + n, GrossAmountMinor = 1000 * n, NetAmountMinor = 1000 * n, Status = OrderStatus.Paid, PlacedAt = paidAt, PaidAt = paidAt });
            return await db.SaveChangesAsync();
        })));

        var month = await WithDbAsync(db => RevenueRollups.TotalsAsync(db, OrderMonthRollup.MonthOf(paidAt), OrderMonthRollup.MonthOf(paidAt) + 1, KpiBucket.Month, null, default));
        Assert.Equal((4, 10000L, 1, 1), month.Where(t => t.Currency == "EUR").Select(t => (t.Orders, t.Revenue, t.Clients, t.RepeatClients)).Single());
        await AssertRollupsEqualTheOrdersAsync();
    }

    [Fact] // the rebuild gives one row per key of each table, with the same figures
    public async Task Rebuild_OneRowPerKey_FiguresUnchanged()
    {
        await PlaceAndPayAsync(await api.ClientAsync(), 12000);
        var progress = new List<string>();

        var written = await WithDbAsync(async db => (await OrderMonthRollups.RebuildAsync(db, progress.Add), await RevenueRollups.RebuildAsync(db, progress.Add)));

        var (rows, keys) = await WithDbAsync(async db => (
            (await db.OrderMonthRollups.CountAsync(), await db.RevenueRollups.CountAsync()),
            (await db.OrderMonthRollups.Select(r => new { r.Month, r.Currency, r.ClientId }).Distinct().CountAsync(),
                await db.RevenueRollups.Select(r => new { r.Period, r.Bucket, r.Currency, r.Dimension, r.Value }).Distinct().CountAsync())));
        Assert.Equal((written, written), (rows, keys));
        Assert.Equal(2 + 1 + Enum.GetValues<LeadRollupDimension>().Length, progress.Count); // removed, written; removed, each dimension
        await AssertRollupsEqualTheOrdersAsync();
    }

    [Fact] // the rows payments and refunds append fold into one per key; the figures stay the orders'
    public async Task Compaction_FoldsTheAppendedRows_FiguresUnchanged()
    {
        var clientId = await api.ClientAsync();
        await PlaceAndPayAsync(clientId, 11000);
        await MutateAsync("refundOrder", "RefundOrderInput", new { orderId = await PlaceAndPayAsync(clientId, 13000) });

        var removed = await WithDbAsync(async db => (await OrderMonthRollups.CompactAsync(db), await RevenueRollups.CompactAsync(db)));

        Assert.True(removed.Item1 > 0 && removed.Item2 > 0);
        var (rows, keys) = await WithDbAsync(async db => (
            (await db.OrderMonthRollups.CountAsync(), await db.RevenueRollups.CountAsync()),
            (await db.OrderMonthRollups.Select(r => new { r.Month, r.Currency, r.ClientId }).Distinct().CountAsync(),
                await db.RevenueRollups.Select(r => new { r.Period, r.Bucket, r.Currency, r.Dimension, r.Value }).Distinct().CountAsync())));
        Assert.Equal(keys, rows);
        await AssertRollupsEqualTheOrdersAsync();
    }

    [Theory] // whole months or quarters from the rollups, the partial ones at the edges from the orders
    [InlineData("2026-05-10T13:30:00Z", "2026-11-20T08:15:00Z", KpiBucket.Month, null)]
    [InlineData("2025-02-10T00:00:00Z", "2026-12-31T00:00:00Z", KpiBucket.Quarter, KpiDimension.Manager)]
    [InlineData("2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z", KpiBucket.Month, KpiDimension.Channel)]
    [InlineData("2026-05-10T13:30:00Z", "2026-06-20T08:15:00Z", KpiBucket.Week, KpiDimension.Temperature)]
    public async Task Revenue_RangeWithPartialBuckets_EqualsTheOrders(string from, string to, KpiBucket bucket, KpiDimension? groupBy)
    {
        var range = new KpiRange { From = DateTime.Parse(from), To = DateTime.Parse(to), Bucket = bucket, GroupBy = groupBy }.Validated();
        await using var scope = api.Services.CreateAsyncScope();
        var kpis = new RevenueKpis(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());

        var rows = await kpis.RevenueAsync(range, default);
        var expected = await kpis.DetailTotalsAsync(range.From, range.To, bucket, groupBy, default);

        Assert.NotEmpty(rows);
        Assert.Equal(
            Sorted(expected).Select(t => (KpiBuckets.Start(bucket, t.Bucket), KpiDimensions.Display(groupBy, t.Dimension), t.Currency, t.Orders, t.Revenue, t.Clients, t.RepeatClients)),
            rows.Select(r => (r.BucketStart, r.Dimension, r.Currency, r.Orders, r.RevenueMinor, r.Clients, r.RepeatClients)));
    }

    [Fact] // a month cut by the range's end is read from its rollup while no order was paid after the end; an order paid after it sends the month to the orders, and it is not counted
    public async Task Revenue_MonthCutByTheEnd_FromTheRollupUnlessPaidAfterTheEnd()
    {
        await api.ClientAsync(new PastOrder(new DateTime(2031, 3, 3, 0, 0, 0, DateTimeKind.Utc), 10000), new PastOrder(new DateTime(2031, 3, 9, 0, 0, 0, DateTimeKind.Utc), 20000));
        var range = new KpiRange { From = new DateTime(2031, 1, 15, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2031, 3, 10, 0, 0, 0, DateTimeKind.Utc), Bucket = KpiBucket.Month, GroupBy = KpiDimension.Channel }.Validated();

        var (beforeRows, beforeFromOrders) = await RevenueAndOrderGroupingsAsync(range);
        await api.ClientAsync(new PastOrder(new DateTime(2031, 3, 10, 0, 0, 0, DateTimeKind.Utc), 40000), new PastOrder(new DateTime(2031, 1, 14, 23, 0, 0, DateTimeKind.Utc), 80000));
        var (afterRows, afterFromOrders) = await RevenueAndOrderGroupingsAsync(range);

        Assert.Equal(0, beforeFromOrders);
        Assert.Equal(2, afterFromOrders); // both edge months
        Assert.Equal(beforeRows, afterRows);
        Assert.Equal([(new DateTime(2031, 3, 1, 0, 0, 0, DateTimeKind.Utc), 2, 1)], afterRows.Select(r => (r.BucketStart, r.Orders, r.Clients)));
    }

    [Fact] // a range inside one month, cut at both ends: from the rollup only when nothing was paid on either side
    public async Task Revenue_RangeInsideOneMonth_FromTheRollupUnlessPaidOnEitherSide()
    {
        await api.ClientAsync(new PastOrder(new DateTime(2032, 5, 10, 0, 0, 0, DateTimeKind.Utc), 10000));
        var range = new KpiRange { From = new DateTime(2032, 5, 5, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2032, 5, 20, 0, 0, 0, DateTimeKind.Utc), Bucket = KpiBucket.Month }.Validated();

        var (beforeRows, beforeFromOrders) = await RevenueAndOrderGroupingsAsync(range);
        await api.ClientAsync(new PastOrder(new DateTime(2032, 5, 1, 0, 0, 0, DateTimeKind.Utc), 20000));
        var (afterRows, afterFromOrders) = await RevenueAndOrderGroupingsAsync(range);

        Assert.Equal((0, 1), (beforeFromOrders, afterFromOrders));
        Assert.Equal([(new DateTime(2032, 5, 1, 0, 0, 0, DateTimeKind.Utc), 1, 10000L)], beforeRows.Select(r => (r.BucketStart, r.Orders, r.RevenueMinor)));
        Assert.Equal(beforeRows, afterRows);
    }

    /// <summary>The revenue rows of <paramref name="range"/>, checked against the orders, and how many of its statements grouped the orders.</summary>
    private async Task<(List<RevenueRow> Rows, int FromOrders)> RevenueAndOrderGroupingsAsync(KpiRange range)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var kpis = new RevenueKpis(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
        api.Sql.Clear();
        var rows = (await kpis.RevenueAsync(range, default)).ToList();
        var fromOrders = api.Sql.Statements.Count(s => s.Contains("GROUP BY", StringComparison.Ordinal) && s.Contains("FROM \"Orders\"", StringComparison.Ordinal));
        var expected = await kpis.DetailTotalsAsync(range.From, range.To, range.Bucket, range.GroupBy, default);
        Assert.Equal(
            Sorted(expected).Select(t => (KpiBuckets.Start(range.Bucket, t.Bucket), KpiDimensions.Display(range.GroupBy, t.Dimension), t.Currency, t.Orders, t.Revenue, t.Clients, t.RepeatClients)),
            rows.Select(r => (r.BucketStart, r.Dimension, r.Currency, r.Orders, r.RevenueMinor, r.Clients, r.RepeatClients)));
        return (rows, fromOrders);
    }

    /// <summary>Every dimension by month and by quarter over all time: the rollups' totals are the orders'.</summary>
    private async Task AssertRollupsEqualTheOrdersAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var kpis = new RevenueKpis(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
        foreach (var dimension in new KpiDimension?[] { null }.Concat(Enum.GetValues<KpiDimension>().Cast<KpiDimension?>()))
        {
            foreach (var bucket in new[] { KpiBucket.Month, KpiBucket.Quarter })
            {
                var ordinal = KpiBuckets.OrdinalOf(bucket);
                var fromOrders = await kpis.DetailTotalsAsync(Ever, Never, bucket, dimension, default);
                var fromRollups = await RevenueRollups.TotalsAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), ordinal(Ever), ordinal(Never), bucket, dimension, default);
                Assert.NotEmpty(fromOrders);
                Assert.Equal(Sorted(fromOrders), Sorted(fromRollups));
            }
        }
    }

    private async Task<string> PlaceAndPayAsync(string clientId, long amount)
    {
        var order = (await MutateAsync("placeOrder", "PlaceOrderInput", new { clientId, amount = new { amount, currency = "EUR" }, paymentMode = "SINGLE" }))["order"]!;
        var id = (string)order["id"]!;
        var net = (long)order["netAmount"]!["amount"]!;
        Assert.Empty((await MutateAsync("recordPayment", "RecordPaymentInput", new { orderId = id, amount = new { amount = net, currency = "EUR" }, reference = "BANK-1" }))["errors"]!.AsArray());
        return id;
    }

    private async Task<JsonNode> MutateAsync(string mutation, string inputType, object input) =>
        (await api.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ order {{ id netAmount {{ amount }} }} errors {{ __typename }} }} }}", new { input }))[mutation]!;

    private async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> action)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private static List<RevenueTotal> Sorted(IEnumerable<RevenueTotal> totals) =>
        totals.OrderBy(t => t.Bucket).ThenBy(t => t.Dimension, StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal).ToList();
}

public sealed class DefaultRevenueRollupTests(DefaultApi api) : RevenueRollupTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresRevenueRollupTests(PostgresApi api) : RevenueRollupTests<PostgresApi>(api), IClassFixture<PostgresApi>;
