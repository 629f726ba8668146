namespace Platform.Api.Referrals;

/// <summary>Input of <c>recordPayout</c>.</summary>
public sealed class RecordPayoutInput
{
    public string PartnerId { get; set; } = "";
    public List<string> RewardIds { get; set; } = [];
    public string Reference { get; set; } = "";
}
