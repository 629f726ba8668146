using GraphQL.Types;
using Platform.Api.Leads;

namespace Platform.Api.Referrals;

/// <summary>The <c>DistributeLeadsPayload</c> type.</summary>
public sealed class DistributeLeadsPayloadType : ObjectGraphType<DistributeLeadsPayload>
{
    public DistributeLeadsPayloadType()
    {
        Name = "DistributeLeadsPayload";
        Description = "The result of `distributeLeadsToPartners`.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadType>>>>("distributed").Description("Leads given to the dealer of their region.").Resolve(c => c.Source.Distributed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("unmatched").Description("Leads not found or with no active dealer covering their region; unchanged.").Resolve(c => c.Source.Unmatched);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
