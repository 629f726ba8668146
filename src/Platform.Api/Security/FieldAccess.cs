using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Platform.Api.Security;

/// <summary>
/// The root fields whose access differs from the default (queries need <see cref="Policies.CrmRead"/>, mutations
/// <see cref="Policies.CrmWrite"/>), in one reviewable place. A new field is protected by the default without a line
/// here; add a line only to open it to other callers. A name that matches no field fails at start-up.
/// </summary>
internal static class FieldAccess
{
    private static readonly (string Field, string Policy)[] Queries =
    [
        ("node", Policies.LeadsRead),
        ("nodes", Policies.LeadsRead),
        ("leads", Policies.LeadsRead),
        // Referrals: staff, crm:read and partners (their own only, by partner isolation).
        ("me", Policies.LeadsRead),
        ("referralPrograms", Policies.LeadsRead),
        ("referralCodes", Policies.LeadsRead),
        ("referrals", Policies.LeadsRead),
        ("rewards", Policies.LeadsRead),
        ("payouts", Policies.LeadsRead),
        ("referralSummary", Policies.LeadsRead),
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
    ];

    private static readonly (string Field, string Policy)[] Mutations =
    [
        ("submitLead", Policies.LeadsSubmit),
    ];

    /// <summary>
    /// What a caller that may only submit leads (a landing page) reads back of the lead <c>submitLead</c> returns.
    /// A repeat submission returns an existing lead, so anything more would let anyone holding a public landing key
    /// read leads by guessing phone numbers: every other field of <c>Lead</c> needs <see cref="Policies.LeadsRead"/>.
    /// </summary>
    private static readonly HashSet<string> LeadFieldsForSubmitters = ["id", "status", "firstResponseDueAt", "createdAt"];

    public static void ApplyTo(IObjectGraphType query, IObjectGraphType mutation)
    {
        Apply(query, Queries);
        Apply(mutation, Mutations);
    }

    /// <summary>Marks nested fields when the schema initializes (the types are created then).</summary>
    public sealed class NestedFields : BaseSchemaNodeVisitor
    {
        public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
        {
            if (type.Name == "Lead" && !LeadFieldsForSubmitters.Contains(field.Name))
                field.AuthorizeWithPolicy(Policies.LeadsRead);
        }
    }

    private static void Apply(IObjectGraphType type, (string Field, string Policy)[] access)
    {
        foreach (var (name, policy) in access)
        {
            var field = type.GetField(name) ?? throw new InvalidOperationException($"FieldAccess names `{type.Name}.{name}`, which does not exist.");
            field.AuthorizeWithPolicy(policy);
        }
    }
}
