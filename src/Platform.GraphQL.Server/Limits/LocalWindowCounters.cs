using System.Collections.Concurrent;

namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// <see cref="IWindowCounters"/> in this process's memory. Counters of past windows are dropped once a minute, so
/// keys that come and go (client addresses) do not pile up.
/// </summary>
public sealed class LocalWindowCounters(TimeProvider time) : IWindowCounters
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Spent> _spent = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    public ValueTask<WindowCharge> TryChargeAsync(string key, long amount, long limit, TimeSpan window)
    {
        var now = time.GetUtcNow();
        var windowEnd = WindowCharge.WindowEnd(now, window);
        Sweep(now);
        var charged = false;
        _spent.AddOrUpdate(key,
            _ => (charged = amount <= limit) ? new Spent(windowEnd, amount) : new Spent(windowEnd, 0),
            (_, spent) =>
            {
                var current = spent.WindowEnd == windowEnd ? spent.Amount : 0;
                charged = current + amount <= limit;
                return new Spent(windowEnd, charged ? current + amount : current);
            });
        return ValueTask.FromResult(WindowCharge.For(charged, now, window));
    }

    private void Sweep(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + SweepEvery.Ticks, next) != next)
            return;
        foreach (var (key, spent) in _spent)
        {
            if (spent.WindowEnd <= now)
                _spent.TryRemove(KeyValuePair.Create(key, spent));
        }
    }

    private sealed record Spent(DateTimeOffset WindowEnd, long Amount);
}
