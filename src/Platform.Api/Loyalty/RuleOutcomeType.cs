using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Loyalty;

namespace Platform.Api.Loyalty;

/// <summary>The <c>DiscountRuleOutcome</c> type.</summary>
public sealed class RuleOutcomeType : ObjectGraphType<RuleOutcome>
{
    public RuleOutcomeType()
    {
        Name = "DiscountRuleOutcome";
        Description = "How one loyalty rule judged the order (the API always explains every rule).";
        Field<NonNullGraphType<StringGraphType>>("ruleId").Description("The rule's id: D1 (single-receipt tiers), D3 (tenure) or D4 (every 5th / 10th order).").Resolve(c => c.Source.RuleId);
        Field(x => x.Rule).Description("The rule.");
        Field(x => x.Eligible).Description("Whether the order meets the rule's conditions.");
        Field(x => x.Applied).Description("Whether the rule's discount counts in the total under the stacking policy.");
        Field(x => x.Code).Description("Machine-readable reason: TIER_REACHED, BELOW_THRESHOLD, NOT_SINGLE_PAYMENT; TENURE_REACHED, TENURE_TOO_SHORT, NO_PAID_ORDER; NTH_ORDER, NOT_NTH_ORDER, BELOW_MINIMUM; NOT_LARGEST (eligible, but BEST_SINGLE granted a larger one).");
        Field(x => x.Reason).Description("Human-readable reason.");
        Field<NonNullGraphType<DecimalGraphType>>("percent").Description("The rule's own discount rate in percent; 0 when not eligible.").Resolve(c => c.Source.BasisPoints / 100m);
        Field<NonNullGraphType<MoneyType>>("amount").Description("What the rule alone would take off, rounded half to even.").Resolve(c => c.Source.Amount);
    }
}
