using Microsoft.Extensions.Options;
using Platform.Api.Kpis;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;

namespace Platform.Api.Tests.Kpis;

/// <summary>
/// The KPI cache after a write (README, "KPI freshness"): by default the previous result is served for 30 s after it was
/// computed, then recomputed once; with <c>MaxStalenessSeconds = 0</c> the next request recomputes.
/// </summary>
public sealed class KpiCacheStalenessTests
{
    private static readonly DateTime T0 = new(2031, 5, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly KpiRange Range = new() { From = T0.AddYears(-1), To = T0, Bucket = KpiBucket.Month };

    private readonly TestClock _clock = new() { FixedAt = T0 };
    private readonly KpiDataVersion _version = new();
    private int _computed;

    private KpiCache Cache(KpiCacheOptions options) => new(Options.Create(options), _version, _clock);

    private Task<IReadOnlyList<int>> ReportAsync(KpiCache cache) =>
        cache.GetOrComputeAsync<int>(new SystemActor(), "test", Range, () => Task.FromResult<IReadOnlyList<int>>([Interlocked.Increment(ref _computed)]), CancellationToken.None);

    [Fact]
    public async Task Strict_AWriteMakesTheNextRequestRecompute()
    {
        using var cache = Cache(new KpiCacheOptions { MaxStalenessSeconds = 0 });
        Assert.Equal([1], await ReportAsync(cache));
        Assert.Equal([1], await ReportAsync(cache)); // no write: cached

        _version.Bump();

        Assert.Equal([2], await ReportAsync(cache));
    }

    [Theory]
    [InlineData(29, 1)] // within 30 s of the computation: the previous result
    [InlineData(30, 1)]
    [InlineData(31, 2)] // past it: recomputed once, then served again
    public async Task ByDefault_TheResultOutlivesWrites_For30Seconds(int secondsLater, int expected)
    {
        using var cache = Cache(new KpiCacheOptions());
        await ReportAsync(cache);

        _version.Bump();
        _clock.FixedAt = T0.AddSeconds(secondsLater);

        Assert.Equal([expected], await ReportAsync(cache));
        Assert.Equal([expected], await ReportAsync(cache));
        Assert.Equal(expected, _computed);
    }
}
