using GraphQL.Types;

namespace Platform.Api.Kpis;

/// <summary>The <c>KpiRange</c> input type.</summary>
public sealed class KpiRangeInputType : InputObjectGraphType<KpiRange>
{
    public KpiRangeInputType()
    {
        Name = "KpiRange";
        Description = "What a KPI report covers: a half-open time range, the time bucket of its rows and an optional grouping dimension.";
        Field(x => x.From).Description("Start of the range, inclusive (UTC).");
        Field(x => x.To).Description("End of the range, exclusive (UTC).");
        Field(x => x.Bucket).Description("The time bucket of each row; weeks start on Monday.");
        Field(x => x.GroupBy, nullable: true).Description("A dimension to split each bucket by; omitted, one row per bucket.");
    }
}
