using System.Collections.Concurrent;

namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// Each client's spent cost in the current minute (fixed windows, in memory: per API node; a cluster shares it
/// through Redis). An operation that would take a client over <see cref="RequestLimits.CostBudgetPerMinute"/> is
/// refused and charges nothing.
/// </summary>
public sealed class CostBudget(RequestLimits limits, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Spent> _spent = new();

    /// <summary>Charges <paramref name="cost"/> to <paramref name="client"/>; false with the wait until the next window when over budget.</summary>
    public bool TryCharge(string client, long cost, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - now.UtcTicks % Window.Ticks, TimeSpan.Zero);
        var charged = false;
        _spent.AddOrUpdate(client,
            _ => (charged = cost <= limits.CostBudgetPerMinute) ? new Spent(windowStart, cost) : new Spent(windowStart, 0),
            (_, spent) =>
            {
                var current = spent.WindowStart == windowStart ? spent.Cost : 0;
                charged = current + cost <= limits.CostBudgetPerMinute;
                return new Spent(windowStart, charged ? current + cost : current);
            });
        retryAfter = charged ? TimeSpan.Zero : windowStart + Window - now;
        return charged;
    }

    private sealed record Spent(DateTimeOffset WindowStart, long Cost);
}
