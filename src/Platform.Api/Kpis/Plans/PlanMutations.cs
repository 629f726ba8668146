using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Kpis.Plans;

/// <summary>The plan and spend mutations of the root mutation type (who may call them: FieldAccess).</summary>
public static class PlanMutations
{
    public static void AddPlanMutations(this ObjectGraphType mutation)
    {
        mutation.InputMutation<SalesPlanPayloadType, SetSalesPlanInputType>("setSalesPlan",
                "Sets the quarterly sales plan of a manager or, without `ownerId`, of the team; replaces the plan of that owner and quarter if there is one. `salesPlanKpi` reports its fulfilment.",
                "The owner, quarter and target.")
            .Resolve((PlanService plans, SetSalesPlanInput input, CancellationToken ct) =>
                plans.SetSalesPlanAsync(input, GlobalIds.DecodeOptional<StaffUser>(input.OwnerId, "input.ownerId"), ct));
        mutation.InputMutation<MarketingPlanPayloadType, SetMarketingPlanInputType>("setMarketingPlan",
                "Sets a channel's quarterly marketing plan: target leads and acceptable cost per lead; replaces the plan of that channel and quarter if there is one. `marketingKpi` reports against it.",
                "The quarter, channel and targets.")
            .Resolve((PlanService plans, SetMarketingPlanInput input, CancellationToken ct) => plans.SetMarketingPlanAsync(input, ct));
        mutation.InputMutation<MarketingSpendPayloadType, RecordMarketingSpendInputType>("recordMarketingSpend",
                "Records money spent on a channel over a period; `marketingKpi` counts it in the quarter its period starts in (cost per lead, ROI).",
                "The channel, period and amount.")
            .Resolve((PlanService plans, RecordMarketingSpendInput input, CancellationToken ct) => plans.RecordSpendAsync(input, ct));
    }
}
