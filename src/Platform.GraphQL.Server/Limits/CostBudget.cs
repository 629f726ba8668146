namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// Each client's spent cost in the current minute (fixed windows), counted by <see cref="IWindowCounters"/>: per API
/// node by default, or shared by the nodes of a cluster. An operation that would take a client over
/// <see cref="RequestLimits.CostBudgetPerMinute"/> is refused and charges nothing.
/// </summary>
public sealed class CostBudget(RequestLimits limits, IWindowCounters counters)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Charges <paramref name="cost"/> to <paramref name="client"/> (none for an anonymous caller or without a budget)
    /// after <paramref name="others"/>, in one call, all or nothing. Refused by the budget, the answer's index is
    /// <paramref name="others"/>' count.
    /// </summary>
    public ValueTask<WindowCharge> TryChargeAsync(string? client, long cost, IReadOnlyList<WindowCount> others)
    {
        if (limits.CostBudgetPerMinute > 0 && client is not null)
            return counters.TryChargeAsync([.. others, new WindowCount("cost:" + client, cost, limits.CostBudgetPerMinute, Window)]);
        return others.Count > 0 ? counters.TryChargeAsync(others) : ValueTask.FromResult(WindowCharge.Done);
    }
}
