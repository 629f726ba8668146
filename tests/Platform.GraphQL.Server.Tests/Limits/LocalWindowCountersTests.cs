using Microsoft.Extensions.Time.Testing;
using Platform.GraphQL.Server.Limits;

namespace Platform.GraphQL.Server.Tests.Limits;

/// <summary>The in-process counters: several counts are charged all or nothing, up to each one's limit in its window.</summary>
public sealed class LocalWindowCountersTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // 20 s into a minute, so the window ends 40 s later.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 20, TimeSpan.Zero));

    private static WindowCount Count(string key, long limit, long amount = 1) => new(key, amount, limit, Minute);

    [Fact]
    public async Task Counts_AreChargedUpToTheirLimit_ThenTheFirstFullOneRefuses()
    {
        var counters = new LocalWindowCounters(_clock);

        var charges = new List<WindowCharge>();
        for (var i = 0; i < 3; i++)
            charges.Add(await counters.TryChargeAsync([Count("a", limit: 2), Count("b", limit: 3)]));

        Assert.Equal([true, true, false], charges.Select(c => c.Charged));
        Assert.Equal(0, charges[2].Refused);
        Assert.Equal(TimeSpan.FromSeconds(40), charges[2].RetryAfter);
        Assert.True((await counters.TryChargeAsync([Count("b", limit: 3)])).Charged); // b was charged twice, not three times
    }

    [Fact]
    public async Task ACountOverItsLimit_ChargesNoneOfTheOthers()
    {
        var counters = new LocalWindowCounters(_clock);
        await counters.TryChargeAsync([Count("full", limit: 5, amount: 5)]);

        var refused = await counters.TryChargeAsync([Count("a", limit: 2), Count("full", limit: 5)]);

        Assert.Equal(1, refused.Refused);
        Assert.True((await counters.TryChargeAsync([Count("a", limit: 2, amount: 2)])).Charged); // a still has its whole limit
    }

    [Fact]
    public async Task TheNextWindow_StartsFromNothing()
    {
        var counters = new LocalWindowCounters(_clock);
        await counters.TryChargeAsync([Count("a", limit: 1)]);

        _clock.Advance(TimeSpan.FromSeconds(39));
        var lastSecond = await counters.TryChargeAsync([Count("a", limit: 1)]);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var nextWindow = await counters.TryChargeAsync([Count("a", limit: 1)]);

        Assert.Equal((false, true), (lastSecond.Charged, nextWindow.Charged));
    }
}
