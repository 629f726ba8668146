using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Staff;

namespace Platform.Api.Kpis.Plans;

/// <summary>The plan and spend mutations of the root mutation type (who may call them: FieldAccess).</summary>
public static class PlanMutations
{
    public static void AddPlanMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SalesPlanPayloadType>>("setSalesPlan")
            .Description("Sets the quarterly sales plan of a manager or, without `ownerId`, of the team; replaces the plan of that owner and quarter if there is one. `salesPlanKpi` reports its fulfilment.")
            .Argument<NonNullGraphType<SetSalesPlanInputType>>("input", "The owner, quarter and target.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<SetSalesPlanInput>("input");
                return await Plans(context).SetSalesPlanAsync(input, GlobalIds.DecodeOptional<StaffUser>(input.OwnerId, "input.ownerId"), context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<MarketingPlanPayloadType>>("setMarketingPlan")
            .Description("Sets a channel's quarterly marketing plan: target leads and acceptable cost per lead; replaces the plan of that channel and quarter if there is one. `marketingKpi` reports against it.")
            .Argument<NonNullGraphType<SetMarketingPlanInputType>>("input", "The quarter, channel and targets.")
            .ResolveAsync(async context => await Plans(context).SetMarketingPlanAsync(context.GetArgument<SetMarketingPlanInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<MarketingSpendPayloadType>>("recordMarketingSpend")
            .Description("Records money spent on a channel over a period; `marketingKpi` counts it in the quarter its period starts in (cost per lead, ROI).")
            .Argument<NonNullGraphType<RecordMarketingSpendInputType>>("input", "The channel, period and amount.")
            .ResolveAsync(async context => await Plans(context).RecordSpendAsync(context.GetArgument<RecordMarketingSpendInput>("input"), context.CancellationToken));
    }

    private static PlanService Plans(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<PlanService>();
}
