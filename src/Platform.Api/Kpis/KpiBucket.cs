using System.Linq.Expressions;

namespace Platform.Api.Kpis;

/// <summary>The time bucket KPI rows are grouped by; weeks are ISO weeks starting on Monday.</summary>
public enum KpiBucket
{
    /// <summary>A calendar day (UTC).</summary>
    Day,

    /// <summary>An ISO week, Monday to Sunday (UTC).</summary>
    Week,

    /// <summary>A calendar month (UTC).</summary>
    Month,

    /// <summary>A calendar quarter, the planning period.</summary>
    Quarter,
}

/// <summary>
/// Buckets as integer ordinals the database computes from <c>Year</c>, <c>Month</c> and <c>DayOfYear</c> with integer
/// arithmetic only: EF Core translates those on SQLite, PostgreSQL and SQL Server alike, while <c>DayOfWeek</c> has
/// no SQL Server translation. A day's ordinal counts days since 0001-01-01, a Monday, so a week is ordinal / 7.
/// </summary>
internal static class KpiBuckets
{
    private static readonly Func<DateTime, int>[] CompiledOrdinals = Enum.GetValues<KpiBucket>().Select(bucket => Ordinal(bucket).Compile()).ToArray();

    public static Expression<Func<DateTime, int>> Ordinal(KpiBucket bucket) => bucket switch
    {
        KpiBucket.Day => t => 365 * (t.Year - 1) + (t.Year - 1) / 4 - (t.Year - 1) / 100 + (t.Year - 1) / 400 + t.DayOfYear - 1,
        KpiBucket.Week => t => (365 * (t.Year - 1) + (t.Year - 1) / 4 - (t.Year - 1) / 100 + (t.Year - 1) / 400 + t.DayOfYear - 1) / 7,
        KpiBucket.Month => t => t.Year * 12 + t.Month - 1,
        KpiBucket.Quarter => t => t.Year * 4 + (t.Month - 1) / 3,
        _ => throw new ArgumentOutOfRangeException(nameof(bucket)),
    };

    /// <summary><see cref="Ordinal"/> as a delegate for the API's own use, compiled once per bucket rather than per request.</summary>
    public static Func<DateTime, int> OrdinalOf(KpiBucket bucket) =>
        (uint)bucket < (uint)CompiledOrdinals.Length ? CompiledOrdinals[(int)bucket] : throw new ArgumentOutOfRangeException(nameof(bucket));

    /// <summary>The first moment (UTC) of the bucket with the ordinal <see cref="Ordinal"/> computed.</summary>
    public static DateTime Start(KpiBucket bucket, int ordinal) => bucket switch
    {
        KpiBucket.Day => Utc(DateTime.MinValue.AddDays(ordinal)),
        KpiBucket.Week => Utc(DateTime.MinValue.AddDays(7L * ordinal)),
        KpiBucket.Month => new DateTime(ordinal / 12, ordinal % 12 + 1, 1, 0, 0, 0, DateTimeKind.Utc),
        KpiBucket.Quarter => new DateTime(ordinal / 4, ordinal % 4 * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket)),
    };

    /// <summary>The whole months of [<paramref name="from"/>, <paramref name="to"/>) for month and quarter buckets; none (an empty range at <paramref name="to"/>) otherwise.</summary>
    public static (DateTime From, DateTime To) WholeMonths(DateTime from, DateTime to, KpiBucket bucket)
    {
        var month = OrdinalOf(KpiBucket.Month);
        var (first, end) = (month(from), month(to));
        if (Start(KpiBucket.Month, first) < from)
            first++;
        return bucket is KpiBucket.Month or KpiBucket.Quarter && first < end
            ? (Start(KpiBucket.Month, first), Start(KpiBucket.Month, end))
            : (to, to);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
