using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Deals;

/// <summary>The deal fields of the root mutation.</summary>
public static class DealMutations
{
    public static void AddDealMutations(this ObjectGraphType mutation)
    {
        mutation.InputMutation<DealPayloadType, CreateDealInputType>("createDeal",
                "Creates a deal with a client in the first stage of its pipeline (the default pipeline unless given); the start is recorded in the stage history.",
                "The deal.")
            .Resolve((DealService deals, CreateDealInput input, CancellationToken ct) => deals.CreateAsync(input,
                GlobalIds.Decode<Client>(input.ClientId, "input.clientId"),
                GlobalIds.DecodeOptional<Pipeline>(input.PipelineId, "input.pipelineId"),
                GlobalIds.DecodeOptional<StaffUser>(input.OwnerId, "input.ownerId"),
                ct));
        mutation.InputMutation<DealPayloadType, MoveDealInputType>("moveDeal",
                "Moves an open deal to another open stage of its pipeline, recorded in the stage history. START_OF_WORK_AGREED and later stages need agreed requirements and a proposed price; closed deals do not move (INVALID_TRANSITION); WON comes from paying the order, LOST from `loseDeal`.",
                "The deal and its target stage.")
            .Resolve((DealService deals, MoveDealInput input, CancellationToken ct) => deals.MoveAsync(input, DealId(input.DealId), ct));
        mutation.InputMutation<DealPayloadType, LoseDealInputType>("loseDeal",
                "Closes an open deal as LOST with who refused (us or the client) and why.", "The deal, who refused and why.")
            .Resolve((DealService deals, LoseDealInput input, CancellationToken ct) => deals.LoseAsync(input, DealId(input.DealId), ct));
        mutation.InputMutation<DealPayloadType, CompleteHandoffStepInputType>("completeHandoffStep",
                "Marks a step of the four-step hand-off to production as done, in order, once the start of work is agreed.", "The deal and the step done.")
            .Resolve((DealService deals, CompleteHandoffStepInput input, CancellationToken ct) => deals.CompleteHandoffStepAsync(input, DealId(input.DealId), ct));
    }

    private static long DealId(string dealId) => GlobalIds.Decode<Deal>(dealId, "input.dealId");
}
