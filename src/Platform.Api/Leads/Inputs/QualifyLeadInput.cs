using System.Text.Json;
using GraphQL.Types;

namespace Platform.Api.Leads.Inputs;

/// <summary>Input of <c>qualifyLead</c>.</summary>
public sealed class QualifyLeadInput
{
    public string LeadId { get; set; } = "";
    public bool NeedConfirmed { get; set; }
    public bool CanPay { get; set; }
    public bool HasDecisionAuthority { get; set; }
    public List<CriterionInput>? TargetCriteria { get; set; }
    public int? ExpectedVersion { get; set; }

    /// <summary>The criteria as the JSON object stored on the lead (Q5: data, not a hidden score).</summary>
    public string? TargetCriteriaJson() =>
        TargetCriteria is { Count: > 0 } criteria ? JsonSerializer.Serialize(criteria.ToDictionary(c => c.Name, c => c.Value)) : null;
}

/// <summary>One target-client criterion as recorded during the call (Q5/Q6).</summary>
public sealed class CriterionInput
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>The <c>CriterionInput</c> type.</summary>
public sealed class CriterionInputType : InputObjectGraphType<CriterionInput>
{
    public CriterionInputType()
    {
        Name = "CriterionInput";
        Description = "A target-client criterion, e.g. `industry` = `retail`.";
        Field(x => x.Name).Description("The criterion, e.g. `geography`, `turnover`, `industry`.");
        Field(x => x.Value).Description("What was found out.");
    }
}

/// <summary>The <c>QualifyLeadInput</c> type.</summary>
public sealed class QualifyLeadInputType : InputObjectGraphType<QualifyLeadInput>
{
    public QualifyLeadInputType()
    {
        Name = "QualifyLeadInput";
        Description = "The qualification of a lead in progress: need, ability to pay and decision authority must all be confirmed.";
        Field<NonNullGraphType<IdGraphType>>("leadId").Description("The lead's global ID.");
        Field(x => x.NeedConfirmed).Description("A strong enough need is confirmed.");
        Field(x => x.CanPay).Description("The person or company can pay (solvency).");
        Field(x => x.HasDecisionAuthority).Description("The person may negotiate and decide.");
        Field(x => x.TargetCriteria, type: typeof(ListGraphType<NonNullGraphType<CriterionInputType>>)).Description("Target-client criteria found out, stored as data.");
        Field(x => x.ExpectedVersion, nullable: true).Description(LeadInputs.ExpectedVersion);
    }
}
