using GraphQL.Types;

namespace Platform.Api.Referrals;

/// <summary>The <c>DistributeLeadsInput</c> type.</summary>
public sealed class DistributeLeadsInputType : InputObjectGraphType<DistributeLeadsInput>
{
    public DistributeLeadsInputType()
    {
        Name = "DistributeLeadsInput";
        Description = "Leads to distribute among the dealers by their region.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("leadIds").Description("The leads (global IDs, at most 100).");
    }
}
