using GraphQL.Types;

namespace Platform.Api.Referrals;

/// <summary>The <c>RecordPayoutInput</c> type.</summary>
public sealed class RecordPayoutInputType : InputObjectGraphType<RecordPayoutInput>
{
    public RecordPayoutInputType()
    {
        Name = "RecordPayoutInput";
        Description = "A payment of approved rewards to a partner.";
        Field<NonNullGraphType<IdGraphType>>("partnerId").Description("The partner paid (global ID).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("rewardIds").Description("The APPROVED rewards of the partner's referrals the payout pays (global IDs).");
        Field(x => x.Reference).Description("Bank transfer or invoice reference.");
    }
}
