using GraphQL.Validation;

namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// Counts of a request (a middleware's rate limits, say) left to be charged with the cost of its first operation: one
/// call to <see cref="IWindowCounters"/> instead of one each, all or nothing (a count that refuses charges no cost, and
/// a cost over budget no count). Scoped to the request; <see cref="Defer"/> it before the GraphQL endpoint runs.
/// </summary>
public sealed class CountsWithOperation
{
    private IReadOnlyList<WindowCount> _counts = [];
    private Func<ValidationContext, TimeSpan, ValidationError>? _refusal;
    private int _taken;
    private TimeSpan? _refusedFor;

    /// <summary>
    /// Leaves <paramref name="counts"/> to the request's first operation; one refused by them is answered with
    /// <paramref name="refusal"/> (given the wait until the refusing count's window ends), and so is every later
    /// operation of the request.
    /// </summary>
    public void Defer(IReadOnlyList<WindowCount> counts, Func<ValidationContext, TimeSpan, ValidationError> refusal)
    {
        _counts = counts;
        _refusal = refusal;
    }

    /// <summary>Whether an operation charged the counts, or was refused by them; if not, the request never reached one.</summary>
    public bool Taken => _taken == 1;

    /// <summary>The deferred counts for the first caller, none for later ones (or when nothing was deferred).</summary>
    internal IReadOnlyList<WindowCount> Take() => _refusal is not null && Interlocked.Exchange(ref _taken, 1) == 0 ? _counts : [];

    /// <summary>Records that the counts were refused, <paramref name="retryAfter"/> before their window ends; the error to report.</summary>
    internal ValidationError Refuse(ValidationContext context, TimeSpan retryAfter)
    {
        _refusedFor = retryAfter;
        return _refusal!(context, retryAfter);
    }

    /// <summary>The error of an operation after the first was refused by the counts; null when they were not.</summary>
    internal ValidationError? RefusalOfLater(ValidationContext context) => _refusedFor is { } wait ? _refusal!(context, wait) : null;
}
