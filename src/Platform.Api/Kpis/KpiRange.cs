using GraphQL;

namespace Platform.Api.Kpis;

/// <summary>What a KPI query asks for: the half-open time range [<see cref="From"/>, <see cref="To"/>), the bucket and an optional grouping.</summary>
public sealed class KpiRange
{
    /// <summary>Most buckets one query may span, so a DAY report cannot ask for centuries.</summary>
    public const int MaxBuckets = 1000;

    public DateTime From { get; set; }

    public DateTime To { get; set; }

    public KpiBucket Bucket { get; set; }

    public KpiDimension? GroupBy { get; set; }

    /// <summary>Throws a GraphQL error for an empty, reversed or too long range.</summary>
    public KpiRange Validated()
    {
        From = DateTime.SpecifyKind(From.ToUniversalTime(), DateTimeKind.Utc);
        To = DateTime.SpecifyKind(To.ToUniversalTime(), DateTimeKind.Utc);
        if (To <= From)
            throw new ExecutionError("`to` must be later than `from`.") { Code = "INVALID_RANGE" };
        var days = (To - From).TotalDays;
        var perBucket = Bucket switch { KpiBucket.Day => 1, KpiBucket.Week => 7, KpiBucket.Month => 28, _ => 90 };
        if (days / perBucket > MaxBuckets)
            throw new ExecutionError($"The range spans more than {MaxBuckets} buckets of {Bucket}; choose a shorter range or a larger bucket.") { Code = "RANGE_TOO_LONG" };
        return this;
    }
}
