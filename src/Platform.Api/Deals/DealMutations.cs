using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Staff;

namespace Platform.Api.Deals;

/// <summary>The deal fields of the root mutation.</summary>
public static class DealMutations
{
    public static void AddDealMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DealPayloadType>>("createDeal")
            .Description("Creates a deal with a client in the first stage of its pipeline (the default pipeline unless given); the start is recorded in the stage history.")
            .Argument<NonNullGraphType<CreateDealInputType>>("input", "The deal.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CreateDealInput>("input");
                return await Service(context).CreateAsync(input,
                    GlobalIds.Decode<Client>(input.ClientId, "input.clientId"),
                    GlobalIds.DecodeOptional<Pipeline>(input.PipelineId, "input.pipelineId"),
                    GlobalIds.DecodeOptional<StaffUser>(input.OwnerId, "input.ownerId"),
                    context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<DealPayloadType>>("moveDeal")
            .Description("Moves an open deal to another open stage of its pipeline, recorded in the stage history. START_OF_WORK_AGREED and later stages need agreed requirements and a proposed price; closed deals do not move (INVALID_TRANSITION); WON comes from paying the order, LOST from `loseDeal`.")
            .Argument<NonNullGraphType<MoveDealInputType>>("input", "The deal and its target stage.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<MoveDealInput>("input");
                return await Service(context).MoveAsync(input, GlobalIds.Decode<Deal>(input.DealId, "input.dealId"), context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<DealPayloadType>>("loseDeal")
            .Description("Closes an open deal as LOST with who refused (us or the client) and why.")
            .Argument<NonNullGraphType<LoseDealInputType>>("input", "The deal, who refused and why.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<LoseDealInput>("input");
                return await Service(context).LoseAsync(input, GlobalIds.Decode<Deal>(input.DealId, "input.dealId"), context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<DealPayloadType>>("completeHandoffStep")
            .Description("Marks a step of the four-step hand-off to production as done, in order, once the start of work is agreed.")
            .Argument<NonNullGraphType<CompleteHandoffStepInputType>>("input", "The deal and the step done.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CompleteHandoffStepInput>("input");
                return await Service(context).CompleteHandoffStepAsync(input, GlobalIds.Decode<Deal>(input.DealId, "input.dealId"), context.CancellationToken);
            });
    }

    private static DealService Service(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<DealService>();
}
