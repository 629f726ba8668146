namespace Platform.Api.Kpis;

/// <summary>The counts of the leads created in one bucket with one dimension value.</summary>
internal sealed record LeadCount(int Bucket, string? Dimension, int Leads, int Converted, int Responded, int Demo)
{
    public static LeadCount operator +(LeadCount a, LeadCount b) =>
        a with { Leads = a.Leads + b.Leads, Converted = a.Converted + b.Converted, Responded = a.Responded + b.Responded, Demo = a.Demo + b.Demo };
}
