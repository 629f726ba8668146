using GraphQL.Types;
using Platform.Api.Bulk;
using Platform.Api.Clients;
using Platform.Api.Deals;
using Platform.Api.Imports;
using Platform.Api.Kpis.Plans;
using Platform.Api.Leads;
using Platform.Api.Leads.Submission;
using Platform.Api.Orders;
using Platform.Api.Privacy;
using Platform.Api.Referrals;
using Platform.Api.Webhooks;

namespace Platform.Api.GraphQL;

/// <summary>
/// The root <c>Mutation</c> type. Every mutation takes one <c>input</c> and returns a payload
/// with its result and typed <c>errors</c>; an error means nothing was changed.
/// </summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "The root of all changes.";
        this.AddLeadMutations();
        this.AddSubmitLeadMutation();
        this.AddOrderMutations();
        this.AddClientMutations();
        this.AddDealMutations();
        this.AddReferralMutations();
        this.AddReferralAdminMutations();
        this.AddLeadDistributionMutation();
        this.AddPlanMutations();
        this.AddWebhookMutations();
        this.AddPrivacyMutations();
        this.AddBulkExportMutations();
        this.AddLeadImportMutations();
    }
}
