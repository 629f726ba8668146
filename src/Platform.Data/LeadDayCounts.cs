using Platform.Domain.Leads;

namespace Platform.Data;

/// <summary>What a lead adds to the counts of its creation day (or, with sign −1, takes away).</summary>
internal readonly record struct LeadDayCounts(int Leads, int Converted, int Responded, int DemoDownloads)
{
    public bool IsZero => Leads == 0 && Converted == 0 && Responded == 0 && DemoDownloads == 0;

    public static LeadDayCounts Of(Lead lead, int sign) => new(
        sign,
        lead.ConvertedAt is null ? 0 : sign,
        lead.FirstRespondedAt is null ? 0 : sign,
        lead.RequestType == RequestType.DemoDownload ? sign : 0);

    public static LeadDayCounts operator +(LeadDayCounts a, LeadDayCounts b) =>
        new(a.Leads + b.Leads, a.Converted + b.Converted, a.Responded + b.Responded, a.DemoDownloads + b.DemoDownloads);
}
