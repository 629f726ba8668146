namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// The answer of <see cref="IWindowCounters.TryChargeAsync"/>: charged, or refused by the count at index
/// <see cref="Refused"/> until its window ends.
/// </summary>
public readonly record struct WindowCharge(int? Refused, TimeSpan RetryAfter)
{
    public static readonly WindowCharge Done = new(null, TimeSpan.Zero);

    public bool Charged => Refused is null;

    /// <summary>The refusal by <paramref name="counts"/>[<paramref name="index"/>] at <paramref name="now"/>.</summary>
    public static WindowCharge RefusedBy(IReadOnlyList<WindowCount> counts, int index, DateTimeOffset now) =>
        new(index, counts[index].WindowEnd(now) - now);

    /// <summary>The end of the fixed window <paramref name="now"/> falls in.</summary>
    public static DateTimeOffset WindowEnd(DateTimeOffset now, TimeSpan window) =>
        new(now.UtcTicks - now.UtcTicks % window.Ticks + window.Ticks, TimeSpan.Zero);
}
