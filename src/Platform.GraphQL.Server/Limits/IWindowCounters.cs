namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// Counters per key over fixed time windows (aligned to the clock: each minute from :00), for limits per caller.
/// <see cref="LocalWindowCounters"/> counts in this process; an application running several processes may count in a
/// store they share.
/// </summary>
public interface IWindowCounters
{
    /// <summary>
    /// Adds every one of <paramref name="counts"/>, all or nothing: when one would go over its limit, nothing is added
    /// and the answer names the first such count. A request's limits are charged in one call, so a store shared over the
    /// network is asked once.
    /// </summary>
    ValueTask<WindowCharge> TryChargeAsync(IReadOnlyList<WindowCount> counts);
}
