namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// Counters per key over fixed time windows (aligned to the clock: each minute from :00), for limits per caller.
/// <see cref="LocalWindowCounters"/> counts in this process; an application running several processes may count in a
/// store they share.
/// </summary>
public interface IWindowCounters
{
    /// <summary>
    /// Adds <paramref name="amount"/> to <paramref name="key"/>'s count in the current <paramref name="window"/> unless
    /// that would take it over <paramref name="limit"/>, in which case nothing is added.
    /// </summary>
    ValueTask<WindowCharge> TryChargeAsync(string key, long amount, long limit, TimeSpan window);
}
