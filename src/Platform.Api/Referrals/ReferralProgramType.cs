using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>The <c>ReferralProgram</c> object type.</summary>
public sealed class ReferralProgramType : EntityType<ReferralProgram>
{
    public ReferralProgramType() : base("A referral program: what a referrer earns when a referred lead becomes a paying client (R3), within which attribution window, after which holding period, up to which cap.")
    {
        Field(x => x.Name);
        Field(x => x.Description, nullable: true);
        Field(x => x.RewardType);
        Field(x => x.RewardValue);
        Field(x => x.Currency);
        Field(x => x.AttributionWindowDays);
        Field(x => x.HoldingPeriodDays);
        Field<MoneyType>("capPerReferral").Description("Largest reward per referral; null = no cap.").Resolve(c => c.Source.CapPerReferral);
        Field(x => x.ActiveFrom);
        Field(x => x.ActiveTo, nullable: true);
        Field(x => x.IsActive);
    }
}
