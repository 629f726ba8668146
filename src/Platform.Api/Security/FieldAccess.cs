using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Platform.Api.Security;

/// <summary>
/// The access matrix: the policy of every root field and of the nested fields that need more than their root field,
/// in one reviewable place; who passes each policy is in <see cref="Policies.Callers"/>. A root field without a line
/// still needs the default (queries <see cref="Policies.CrmRead"/>, mutations <see cref="Policies.CrmWrite"/>), and a
/// test fails until it gets one. A name that matches no field fails at start-up.
/// </summary>
internal static class FieldAccess
{
    private static readonly (string Field, string Policy)[] Queries =
    [
        // Leads and anything by global id: staff, crm:read and partners (their own only, by partner isolation).
        ("node", Policies.LeadsRead),
        ("nodes", Policies.LeadsRead),
        ("leads", Policies.LeadsRead),
        ("rejectedSubmissionCount", Policies.CrmRead),
        ("clients", Policies.CrmRead),
        ("deals", Policies.CrmRead),
        ("pipelines", Policies.CrmRead),
        ("discountQuote", Policies.CrmRead),
        ("partners", Policies.CrmRead),
        ("me", Policies.LeadsRead),
        ("referralPrograms", Policies.LeadsRead),
        ("referralCodes", Policies.LeadsRead),
        ("referrals", Policies.LeadsRead),
        ("referralSummary", Policies.LeadsRead),
        // What partners are owed and paid: heads of sales, admins, crm:read and each partner its own.
        ("rewards", Policies.PartnerAccountsRead),
        ("payouts", Policies.PartnerAccountsRead),
        ("leadFunnelKpi", Policies.KpiRead),
        ("firstResponseKpi", Policies.KpiRead),
        ("revenueKpi", Policies.KpiRead),
        ("dealKpi", Policies.KpiRead),
        ("marketingKpi", Policies.KpiRead),
        ("pipelineKpi", Policies.KpiRead),
        ("proposalTimeKpi", Policies.KpiRead),
        ("hourglassKpi", Policies.KpiRead),
        ("salesPlanKpi", Policies.KpiRead),
        ("strategicClientsKpi", Policies.KpiRead),
        ("strategicShareKpi", Policies.KpiRead),
        ("sleepingClientsKpi", Policies.KpiRead),
        ("referralKpi", Policies.KpiRead),
        ("referralsPerLoyalClientKpi", Policies.KpiRead),
        ("channelKpi", Policies.KpiRead),
        ("discountKpi", Policies.KpiRead),
        // Webhooks: each client or staff user its own (the service narrows them), admins everyone's.
        ("webhookSubscriptions", Policies.WebhooksManage),
        ("webhookDeliveries", Policies.WebhooksManage),
        // Privacy: consent wording for everyone who reads the CRM; a person's data only for admins.
        ("consentTexts", Policies.CrmRead),
        ("personDataExport", Policies.PrivacyAdmin),
        // Bulk exports hold rows read as the caller reads them: whoever reads leads, each caller its own exports; each
        // type also needs the policy of its list field (BulkExportSources).
        ("bulkExport", Policies.LeadsRead),
        ("bulkExports", Policies.LeadsRead),
        // Lead imports: callers who see every lead and may submit as trusted callers, each caller its own imports.
        ("leadImport", Policies.LeadsImport),
        ("leadImports", Policies.LeadsImport),
    ];

    private static readonly (string Field, string Policy)[] Mutations =
    [
        ("submitLead", Policies.LeadsSubmit),
        // Lead work, clients, deals and orders: not marketers; a manager changes only what they own.
        ("setLeadTemperature", Policies.CrmWrite),
        ("setLeadOrigin", Policies.CrmWrite),
        ("assignLead", Policies.CrmWrite),
        ("logActivity", Policies.CrmWrite),
        ("qualifyLead", Policies.CrmWrite),
        ("refuseLead", Policies.CrmWrite),
        ("postponeLead", Policies.CrmWrite),
        ("reactivateLead", Policies.CrmWrite),
        ("convertLead", Policies.CrmWrite),
        ("createClient", Policies.CrmWrite),
        ("updateClient", Policies.CrmWrite),
        ("addContact", Policies.CrmWrite),
        ("updateContact", Policies.CrmWrite),
        ("createDeal", Policies.CrmWrite),
        ("moveDeal", Policies.CrmWrite),
        ("loseDeal", Policies.CrmWrite),
        ("completeHandoffStep", Policies.CrmWrite),
        ("placeOrder", Policies.CrmWrite),
        ("recordPayment", Policies.CrmWrite),
        ("requestInstallment", Policies.CrmWrite),
        ("refundOrder", Policies.CrmWrite),
        // Money and partners: heads of sales, admins, integrations granted referrals:admin.
        ("approveDueRewards", Policies.ReferralsAdmin),
        ("recordPayout", Policies.ReferralsAdmin),
        ("createPartner", Policies.ReferralsAdmin),
        ("updatePartner", Policies.ReferralsAdmin),
        ("createReferralProgram", Policies.ReferralsAdmin),
        ("updateReferralProgram", Policies.ReferralsAdmin),
        ("createReferralCode", Policies.ReferralsAdmin),
        ("revokeReferralCode", Policies.ReferralsAdmin),
        ("distributeLeadsToPartners", Policies.ReferralsAdmin),
        // Plans: integrations granted plans:write; the marketing plan and spend also marketers.
        ("setSalesPlan", Policies.SalesPlanWrite),
        ("setMarketingPlan", Policies.MarketingWrite),
        ("recordMarketingSpend", Policies.MarketingWrite),
        ("createWebhookSubscription", Policies.WebhooksManage),
        ("updateWebhookSubscription", Policies.WebhooksManage),
        ("rotateWebhookSecret", Policies.WebhooksManage),
        ("deleteWebhookSubscription", Policies.WebhooksManage),
        ("redeliverWebhook", Policies.WebhooksManage),
        ("sendTestWebhook", Policies.WebhooksManage),
        ("addConsentText", Policies.PrivacyAdmin),
        ("erasePerson", Policies.PrivacyAdmin),
        ("startBulkExport", Policies.LeadsRead),
        ("cancelBulkExport", Policies.LeadsRead),
        ("importLeads", Policies.LeadsImport),
        ("cancelLeadImport", Policies.LeadsImport),
    ];

    /// <summary>Nested fields that need a policy of their own, checked besides the root field's.</summary>
    private static readonly (string Field, string Policy)[] Subscriptions =
    [
        // Like their query counterparts: lead events as leads (a partner its own, a manager their own leads' only),
        // referral events as referrals (a partner its own); deal and order events also for BI clients.
        ("leadEvents", Policies.LeadsRead),
        ("referralEvents", Policies.LeadsRead),
        ("dealEvents", Policies.SalesEventsRead),
        ("orderEvents", Policies.SalesEventsRead),
    ];

    /// <summary>The policy of the subscription field <paramref name="field"/>: who may receive its events, over a socket or a webhook.</summary>
    public static string SubscriptionPolicy(string field) => Subscriptions.Single(s => s.Field == field).Policy;

    private static readonly (string Type, string Field, string Policy)[] Nested =
    [
        // Money owed and paid to partners is reachable through node(id) and referrals by anyone reading leads.
        ("Reward", "amount", Policies.PartnerAccountsRead),
        ("Reward", "payout", Policies.PartnerAccountsRead),
        ("Payout", "amount", Policies.PartnerAccountsRead),
        ("Payout", "reference", Policies.PartnerAccountsRead),
        ("Partner", "contactEmail", Policies.PartnerAccountsRead),
        // Staff e-mails and who moved a deal: never for partners or submitters, whatever path reaches them.
        ("StaffUser", "email", Policies.CrmRead),
        ("DealStageChange", "changedBy", Policies.CrmRead),
    ];

    /// <summary>
    /// What a caller that may only submit leads (a landing page) reads back of the lead <c>submitLead</c> returns.
    /// A repeat submission returns an existing lead, so anything more would let anyone holding a public landing key
    /// read leads by guessing phone numbers: every other field of <c>Lead</c> needs <see cref="Policies.LeadsRead"/>.
    /// </summary>
    private static readonly HashSet<string> LeadFieldsForSubmitters = ["id", "status", "firstResponseDueAt", "createdAt"];

    public static void ApplyTo(IObjectGraphType query, IObjectGraphType mutation, IObjectGraphType subscription)
    {
        foreach (var (name, policy) in Queries)
            Field(query, name).AuthorizeWithPolicy(policy);
        foreach (var (name, policy) in Mutations)
            Field(mutation, name).AuthorizeWithPolicy(policy);
        foreach (var (name, policy) in Subscriptions)
            Field(subscription, name).AuthorizeWithPolicy(policy);
    }

    /// <summary>Marks nested fields once the schema has initialized (the types exist then).</summary>
    public sealed class NestedFields : BaseSchemaNodeVisitor
    {
        public override void PostVisitSchema(ISchema schema)
        {
            foreach (var field in Type(schema, "Lead").Fields.Where(f => !LeadFieldsForSubmitters.Contains(f.Name)))
                field.AuthorizeWithPolicy(Policies.LeadsRead);
            foreach (var (type, name, policy) in Nested)
                Field(Type(schema, type), name).AuthorizeWithPolicy(policy);
        }

        private static IObjectGraphType Type(ISchema schema, string name) =>
            schema.AllTypes[name] as IObjectGraphType ?? throw new InvalidOperationException($"FieldAccess names type `{name}`, which does not exist.");
    }

    private static FieldType Field(IObjectGraphType type, string name) =>
        type.GetField(name) ?? throw new InvalidOperationException($"FieldAccess names `{type.Name}.{name}`, which does not exist.");
}
