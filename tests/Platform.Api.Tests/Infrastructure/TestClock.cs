namespace Platform.Api.Tests.Infrastructure;

/// <summary>The API's clock in tests: the system clock until a test fixes it (tenure, intervals, turnover windows).</summary>
public sealed class TestClock : TimeProvider
{
    public DateTime? FixedAt { get; set; }

    public override DateTimeOffset GetUtcNow() => FixedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : base.GetUtcNow();
}
