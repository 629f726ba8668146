namespace Platform.GraphQL.Server.Limits;

/// <summary>The answer of <see cref="IWindowCounters.TryChargeAsync"/>: charged, or refused until the window ends.</summary>
public readonly record struct WindowCharge(bool Charged, TimeSpan RetryAfter)
{
    /// <summary>The answer to a charge made (or refused) at <paramref name="now"/>.</summary>
    public static WindowCharge For(bool charged, DateTimeOffset now, TimeSpan window) =>
        new(charged, charged ? TimeSpan.Zero : WindowEnd(now, window) - now);

    /// <summary>The end of the fixed window <paramref name="now"/> falls in.</summary>
    public static DateTimeOffset WindowEnd(DateTimeOffset now, TimeSpan window) =>
        new(now.UtcTicks - now.UtcTicks % window.Ticks + window.Ticks, TimeSpan.Zero);
}
