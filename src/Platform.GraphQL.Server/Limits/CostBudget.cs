namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// Each client's spent cost in the current minute (fixed windows), counted by <see cref="IWindowCounters"/>: per API
/// node by default, or shared by the nodes of a cluster. An operation that would take a client over
/// <see cref="RequestLimits.CostBudgetPerMinute"/> is refused and charges nothing.
/// </summary>
public sealed class CostBudget(RequestLimits limits, IWindowCounters counters)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Charges <paramref name="cost"/> to <paramref name="client"/>; refused, with the wait until the next window, when over budget.</summary>
    public ValueTask<WindowCharge> TryChargeAsync(string client, long cost) =>
        counters.TryChargeAsync("cost:" + client, cost, limits.CostBudgetPerMinute, Window);
}
