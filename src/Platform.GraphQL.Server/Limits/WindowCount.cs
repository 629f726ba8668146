namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// One count of a charge: add <see cref="Amount"/> to <see cref="Key"/>'s count in the current fixed
/// <see cref="Window"/>, unless that takes it over <see cref="Limit"/>.
/// </summary>
public readonly record struct WindowCount(string Key, long Amount, long Limit, TimeSpan Window)
{
    /// <summary>The end of the window this count falls in at <paramref name="now"/>.</summary>
    public DateTimeOffset WindowEnd(DateTimeOffset now) => WindowCharge.WindowEnd(now, Window);
}
