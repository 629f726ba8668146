namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// <see cref="IWindowCounters"/> in this process's memory. Counters of past windows are dropped once a minute, so
/// keys that come and go (client addresses) do not pile up.
/// </summary>
public sealed class LocalWindowCounters(TimeProvider time) : IWindowCounters
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    // One lock for check-and-add over several keys: held for a few dictionary look-ups, never across an await.
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Spent> _spent = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep;

    public ValueTask<WindowCharge> TryChargeAsync(IReadOnlyList<WindowCount> counts)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Sweep(now);
            for (var i = 0; i < counts.Count; i++)
            {
                if (SpentOf(counts[i], now) + counts[i].Amount > counts[i].Limit)
                    return ValueTask.FromResult(WindowCharge.RefusedBy(counts, i, now));
            }
            foreach (var count in counts)
                _spent[count.Key] = new Spent(count.WindowEnd(now), SpentOf(count, now) + count.Amount);
        }
        return ValueTask.FromResult(WindowCharge.Done);
    }

    private long SpentOf(WindowCount count, DateTimeOffset now) =>
        _spent.TryGetValue(count.Key, out var spent) && spent.WindowEnd == count.WindowEnd(now) ? spent.Amount : 0;

    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
            return;
        _nextSweep = now + SweepEvery;
        foreach (var (key, spent) in _spent)
        {
            if (spent.WindowEnd <= now)
                _spent.Remove(key);
        }
    }

    private sealed record Spent(DateTimeOffset WindowEnd, long Amount);
}
