using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Api.Availability;
using Platform.Api.Kpis;
using Platform.Api.Leads.FormTokens;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Availability;

/// <summary>
/// Housekeeping of two nodes on one PostgreSQL database runs on one node at a time: the node holding the work's lease
/// runs the rounds, the other skips them; when the holder stops, the other takes over at its next round, and when the
/// holder goes silent, once its lease has expired. Both nodes' clocks are fixed, so nothing waits.
/// </summary>
public sealed class PeriodicWorkLeaseTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc);

    private readonly TwoPostgresNodes _nodes = new();

    public Task InitializeAsync() => _nodes.InitializeAsync();

    public Task DisposeAsync() => _nodes.DisposeAsync();

    [Fact]
    public async Task ARound_RunsOnOneNodeOnly()
    {
        SetClocks(Start);
        var ran = await Task.WhenAll(Work<KpiRollupCompaction>(_nodes.A).RunRoundAsync(default), Work<KpiRollupCompaction>(_nodes.B).RunRoundAsync(default));
        Assert.Single(ran, true);
        var (holder, other) = ran[0] ? (_nodes.A, _nodes.B) : (_nodes.B, _nodes.A);

        // The next round, on both: the holder renews its lease.
        SetClocks(Start + Work<KpiRollupCompaction>(holder).LeaseTime / 2);
        Assert.False(await Work<KpiRollupCompaction>(other).RunRoundAsync(default));
        Assert.True(await Work<KpiRollupCompaction>(holder).RunRoundAsync(default));
        Assert.False(await Work<KpiRollupCompaction>(other).RunRoundAsync(default));
    }

    [Fact]
    public async Task WhenTheHolderStops_AnotherNodeTakesOver()
    {
        SetClocks(Start);
        Assert.True(await Work<UsedFormTokenSweep>(_nodes.A).RunRoundAsync(default));
        Assert.False(await Work<UsedFormTokenSweep>(_nodes.B).RunRoundAsync(default));

        await _nodes.A.StopNodeAsync();

        Assert.True(await Work<UsedFormTokenSweep>(_nodes.B).RunRoundAsync(default));
    }

    [Fact]
    public async Task WhenTheHolderGoesSilent_AnotherNodeTakesOverOnceItsLeaseExpired()
    {
        SetClocks(Start);
        var leaseTime = Work<UsedFormTokenSweep>(_nodes.A).LeaseTime;
        Assert.True(await Work<UsedFormTokenSweep>(_nodes.A).RunRoundAsync(default));

        SetClocks(Start + leaseTime - TimeSpan.FromSeconds(1));
        Assert.False(await Work<UsedFormTokenSweep>(_nodes.B).RunRoundAsync(default));
        SetClocks(Start + leaseTime);
        Assert.True(await Work<UsedFormTokenSweep>(_nodes.B).RunRoundAsync(default));
        Assert.False(await Work<UsedFormTokenSweep>(_nodes.A).RunRoundAsync(default));
    }

    private void SetClocks(DateTime at) => _nodes.A.Clock.FixedAt = _nodes.B.Clock.FixedAt = at;

    private static T Work<T>(ApiHost node) where T : PeriodicDatabaseWork => node.Services.GetServices<IHostedService>().OfType<T>().Single();
}
