namespace Platform.Api.Referrals;

/// <summary>Input of <c>distributeLeadsToPartners</c>.</summary>
public sealed class DistributeLeadsInput
{
    public List<string> LeadIds { get; set; } = [];
}
