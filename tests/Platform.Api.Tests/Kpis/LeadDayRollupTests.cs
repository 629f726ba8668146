using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Kpis;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.Testing;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Kpis;

/// <summary>The lead day rollups and conversion histogram against the leads they count: after the demo seed, after writes of every kind, concurrent writes, a compaction and a rebuild.</summary>
public abstract class LeadDayRollupTests<THost>(THost api) where THost : ApiHost
{
    private static readonly DateTime Ever = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Never = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task DemoData_RollupsEqualTheLeads() => await AssertRollupsEqualTheLeadsAsync();

    [Fact] // the group commit, reassignment, temperature, first response, conversion, a direct change of channel, a delete
    public async Task Writes_KeepTheRollupsExact()
    {
        var lead = await api.NewLeadAsync();
        var id = (string)lead["id"]!;
        long[] managers;
        await using (var scope = api.Services.CreateAsyncScope())
            managers = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().StaffUsers.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToArrayAsync();
        await api.AssignAsync(id, GlobalId.Encode("StaffUser", managers[0]));
        await api.AssignAsync(id, GlobalId.Encode("StaffUser", managers[1]));
        await api.MutateAsync("setLeadTemperature", "SetLeadTemperatureInput", new { leadId = id, temperature = "HOT" });
        await api.CallAsync(id);
        await api.QualifyAsync(id);
        Assert.Empty((await api.ConvertAsync(id))["errors"]!.AsArray());

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var leadId = GlobalId.TryDecode(id, "Lead")!.Value;
            var stored = await db.Leads.SingleAsync(l => l.Id == leadId);
            stored.Channel = LeadChannels.Webinar;
            stored.LandingPage = "rollup-page";
            var deleted = new Lead { FirstName = "Gone", Phone = LeadApi.NewPhone(), CreatedAt = new DateTime(2030, 3, 3, 3, 0, 0, DateTimeKind.Utc) };
            db.Leads.Add(deleted);
            await db.SaveChangesAsync();
            db.Leads.Remove(deleted);
            await db.SaveChangesAsync();

            // Conversion times: sub-millisecond ticks next to a whole day, a conversion moved, one taken back, a converted lead deleted.
            var created = new DateTime(2030, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(4_999);
            var converted = Enumerable.Range(0, 4).Select(i => new Lead
            {
                FirstName = $"Converted {i}", Phone = LeadApi.NewPhone(), Channel = LeadChannels.Webinar, CreatedAt = created,
                ConvertedAt = created.AddDays(2).AddTicks(i * 3_000 - 4_500),
            }).ToList();
            db.Leads.AddRange(converted);
            await db.SaveChangesAsync();
            converted[0].ConvertedAt = created.AddDays(5);
            converted[1].ConvertedAt = null;
            converted[2].CreatedAt = created.AddDays(-1);
            db.Leads.Remove(converted[3]);
            await db.SaveChangesAsync();
        }

        await AssertRollupsEqualTheLeadsAsync();
    }

    [Fact] // a save that fails appends nothing; the next attempt counts the lead once
    public async Task FailedSave_RetriedOnce_CountsOnce()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var taken = await db.Leads.Where(l => l.IdempotencyKey != null).Select(l => new { l.IdempotencyKey, l.SubmissionSource }).FirstAsync();
        var lead = new Lead
        {
            FirstName = "Retry", Phone = LeadApi.NewPhone(), IdempotencyKey = taken.IdempotencyKey, SubmissionSource = taken.SubmissionSource,
            CreatedAt = new DateTime(2030, 4, 4, 4, 0, 0, DateTimeKind.Utc),
        };
        db.Leads.Add(lead);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        lead.IdempotencyKey = $"retry-{Guid.NewGuid():N}";
        await db.SaveChangesAsync();

        await AssertRollupsEqualTheLeadsAsync();
    }

    [Fact] // the rebuild gives one row per day or month, dimension and value, with the same figures
    public async Task Rebuild_CompactsTheRows_FiguresUnchanged()
    {
        await api.NewLeadAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var progress = new List<string>();

        var written = await LeadDayRollups.RebuildAsync(db, progress.Add);

        var keys = await db.LeadDayRollups.Select(r => new { r.Period, r.Day, r.Dimension, r.Value }).Distinct().CountAsync();
        Assert.Equal(written, await db.LeadDayRollups.CountAsync());
        Assert.Equal(keys, written);
        Assert.Equal(8, progress.Count); // removed, then one line per dimension
        await AssertRollupsEqualTheLeadsAsync();
    }

    [Fact] // the conversion histogram's rebuild gives one row per day, dimension, value and whole days, with the same figures
    public async Task ConversionRebuild_OneRowPerCell_FiguresUnchanged()
    {
        var lead = await api.NewLeadAsync();
        var id = (string)lead["id"]!;
        await api.CallAsync(id);
        await api.QualifyAsync(id);
        Assert.Empty((await api.ConvertAsync(id))["errors"]!.AsArray());
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var progress = new List<string>();

        var written = await LeadConversionRollups.RebuildAsync(db, progress.Add);

        var keys = await db.LeadConversionRollups.Select(r => new { r.Period, r.Day, r.Dimension, r.Value, r.Days }).Distinct().CountAsync();
        Assert.Equal(written, await db.LeadConversionRollups.CountAsync());
        Assert.Equal(keys, written);
        Assert.Equal(9, progress.Count); // leads stamped, removed, then one line per dimension
        await AssertRollupsEqualTheLeadsAsync();
    }

    [Fact] // the rows changes append fold into one per day, dimension and value; the figures stay the leads'
    public async Task Compaction_FoldsTheAppendedRows_FiguresUnchanged()
    {
        var lead = await api.NewLeadAsync();
        await api.MutateAsync("setLeadTemperature", "SetLeadTemperatureInput", new { leadId = (string)lead["id"]!, temperature = "HOT" });

        await WithDbAsync(async db =>
        {
            var id = GlobalId.TryDecode((string)lead["id"]!, "Lead")!.Value;
            var stored = await db.Leads.SingleAsync(l => l.Id == id);
            stored.ConvertedAt = stored.CreatedAt.AddDays(3);
            await db.SaveChangesAsync();
            stored.ConvertedAt = stored.CreatedAt.AddDays(3).AddHours(1); // the same cell again
            return await db.SaveChangesAsync();
        });

        var removed = await WithDbAsync(db => LeadDayRollups.CompactAsync(db));
        var removedCells = await WithDbAsync(db => LeadConversionRollups.CompactAsync(db));

        Assert.True(removed > 0);
        Assert.True(removedCells > 0);
        var (rows, keys) = await WithDbAsync(async db => (
            await db.LeadDayRollups.CountAsync(),
            await db.LeadDayRollups.Select(r => new { r.Period, r.Day, r.Dimension, r.Value }).Distinct().CountAsync()));
        Assert.Equal(keys, rows);
        var (cells, cellKeys) = await WithDbAsync(async db => (
            await db.LeadConversionRollups.CountAsync(),
            await db.LeadConversionRollups.Select(r => new { r.Period, r.Day, r.Dimension, r.Value, r.Days }).Distinct().CountAsync()));
        Assert.Equal(cellKeys, cells);
        await AssertRollupsEqualTheLeadsAsync();
    }

    [Fact] // writers of one day in concurrent transactions, compactions running among them: every lead counts once
    public async Task ConcurrentWritersAndCompactions_OneDay_StayExact()
    {
        var day = new DateTime(2031, 5, 5, 0, 0, 0, DateTimeKind.Utc);
        var writers = Enumerable.Range(0, 8).Select(hour => WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Leads.Add(new Lead { FirstName = "Same day", Phone = LeadApi.NewPhone(), Channel = LeadChannels.Webinar, CreatedAt = day.AddHours(hour) });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return 0;
        }));
        var compactions = Enumerable.Range(0, 3).Select(_ => WithDbAsync(db => LeadDayRollups.CompactAsync(db)));

        await Task.WhenAll(writers.Concat(compactions));

        Assert.Equal(8, await WithDbAsync(db => db.LeadDayRollups.Where(r => r.Day == day && r.Dimension == Platform.Domain.Kpis.LeadRollupDimension.None).SumAsync(r => r.Leads)));
        await AssertRollupsEqualTheLeadsAsync();
    }

    [Theory] // whole days from the rollups, the partial days at the edges from the leads
    [InlineData("2026-05-10T13:30:00Z", "2026-06-20T08:15:00Z", KpiBucket.Week, KpiDimension.Temperature)]
    [InlineData("2026-05-10T13:30:00Z", "2026-05-10T18:00:00Z", KpiBucket.Day, null)]
    [InlineData("2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z", KpiBucket.Month, KpiDimension.Manager)]
    public async Task LeadFunnel_RangeWithPartialDays_EqualsTheLeads(string from, string to, KpiBucket bucket, KpiDimension? groupBy)
    {
        var range = new KpiRange { From = DateTime.Parse(from), To = DateTime.Parse(to), Bucket = bucket, GroupBy = groupBy }.Validated();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var rows = await new LeadKpis(db).FunnelAsync(range, default);
        var expected = await LeadDayRollups.DetailCountsAsync(
            db.Leads.Where(l => l.CreatedAt >= range.From && l.CreatedAt < range.To), range.Bucket, range.GroupBy, default);

        Assert.Equal(
            Sorted(expected).Select(c => (KpiBuckets.Start(bucket, c.Bucket), KpiDimensions.Display(groupBy, c.Dimension), c.Leads, c.Converted)),
            rows.Select(r => (r.BucketStart, r.Dimension, r.Leads, r.Converted)));
    }

    [Theory] // whole days: days to conversion from the histogram and the middle cells' leads, as the leads give them
    [InlineData("2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z", KpiBucket.Month, null)]
    [InlineData("2026-05-10T00:00:00Z", "2026-08-20T00:00:00Z", KpiBucket.Week, KpiDimension.Channel)]
    [InlineData("2025-06-01T00:00:00Z", "2026-12-01T00:00:00Z", KpiBucket.Quarter, KpiDimension.Manager)]
    public async Task LeadFunnel_WholeDays_DaysToConversionEqualTheLeads(string from, string to, KpiBucket bucket, KpiDimension? groupBy)
    {
        var range = new KpiRange { From = DateTime.Parse(from), To = DateTime.Parse(to), Bucket = bucket, GroupBy = groupBy }.Validated();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var rows = await new LeadKpis(db).FunnelAsync(range, default);
        var expected = await LeadConversionRollups.DetailStatsAsync(
            db, db.Leads.Where(l => l.CreatedAt >= range.From && l.CreatedAt < range.To), range.Bucket, range.GroupBy, default);

        Assert.Contains(rows, r => r.MedianDaysToConversion is not null);
        Assert.Equal(expected.Values.Sum(e => e.Count), rows.Sum(r => r.Converted));
        foreach (var row in rows)
        {
            var stats = expected.Values.SingleOrDefault(e => KpiBuckets.Start(bucket, e.Bucket) == row.BucketStart && KpiDimensions.Display(groupBy, e.Dimension) == row.Dimension);
            Assert.Equal(stats?.MedianSeconds / 86_400, row.MedianDaysToConversion);
            Assert.Equal(stats?.AverageSeconds / 86_400 ?? 0, row.AverageDaysToConversion ?? 0, 12);
        }
    }

    [Fact] // the funnel and revenue report by month and channel, cut in its last month: five statements, their SQL pinned per provider
    public async Task FunnelAndRevenueByChannel_FiveStatements()
    {
        var range = new KpiRange { From = Ever, To = new DateTime(2100, 1, 15, 0, 0, 0, DateTimeKind.Utc), Bucket = KpiBucket.Month, GroupBy = KpiDimension.Channel };
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        api.Sql.Clear();

        var funnel = await new LeadKpis(db).FunnelAsync(range, default);
        var revenue = await new RevenueKpis(db).RevenueAsync(range, default);

        Assert.Contains(funnel, r => r.MedianDaysToConversion is not null);
        Assert.NotEmpty(revenue);
        // Counts from the day rollups' month rows, the histogram's cells, the middle cells' leads; whether an order was
        // paid after the range's end in its last month, then the revenue rollups (none was: the cut month is read from them).
        MarkdownSnapshot.Match($"FunnelAndRevenueByChannel.{api.Provider}", [.. api.Sql.Statements.Select((sql, i) => ($"SQL {i + 1}", "sql", sql))]);
        Assert.Equal(5, api.Sql.Count);
    }

    /// <summary>Every dimension by day and by month over all time: the rollups' counts and days to conversion are the leads'.</summary>
    private async Task AssertRollupsEqualTheLeadsAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var dimension in new KpiDimension?[] { null }.Concat(Enum.GetValues<KpiDimension>().Cast<KpiDimension?>()))
        {
            foreach (var bucket in new[] { KpiBucket.Day, KpiBucket.Month })
            {
                var fromLeads = await LeadDayRollups.DetailCountsAsync(db.Leads, bucket, dimension, default);
                var fromRollups = await LeadDayRollups.CountsAsync(db, Ever, Never, bucket, dimension, default);
                Assert.NotEmpty(fromLeads);
                Assert.Equal(Sorted(fromLeads), Sorted(fromRollups));
                var conversions = await LeadConversionRollups.DetailStatsAsync(db, db.Leads, bucket, dimension, default);
                Assert.NotEmpty(conversions);
                Assert.True(LeadConversionRollups.Same(await LeadConversionRollups.StatsAsync(db, Ever, Never, bucket, dimension, default), conversions),
                    $"days to conversion by {bucket} and {dimension}");
            }
        }
    }

    private async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> action)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private static List<LeadCount> Sorted(IEnumerable<LeadCount> counts) =>
        counts.OrderBy(c => c.Bucket).ThenBy(c => c.Dimension, StringComparer.Ordinal).ToList();
}

public sealed class DefaultLeadDayRollupTests(DefaultApi api) : LeadDayRollupTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresLeadDayRollupTests(PostgresApi api) : LeadDayRollupTests<PostgresApi>(api), IClassFixture<PostgresApi>;
