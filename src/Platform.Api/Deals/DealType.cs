using GraphQL.Types;
using Platform.Api.Clients;
using Platform.Api.Common;
using Platform.Api.Leads;
using Platform.Api.Staff;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Deals;

/// <summary>The <c>Deal</c> object type.</summary>
public sealed class DealType : EntityType<Deal>
{
    private static readonly ChildConnection<Deal, DealStageChange> ChangesOldestFirst =
        new(change => change.DealId, KeysetOrder<DealStageChange>.By("CHANGED_AT", x => x.ChangedAt).ThenBy(x => x.Id));

    public DealType() : base("A deal (opportunity) with a client, moving through a pipeline until won (its order is paid) or lost (with who refused and why).")
    {
        Field(x => x.Title);
        Field(x => x.Kind);
        Field<NonNullGraphType<MoneyType>>("amount").Description("Expected value of the deal.").Reads(x => new { x.AmountMinor, x.Currency }).Resolve(context => context.Source.Amount);
        Field<MoneyType>("proposedPrice").Description("The proposed price, once proposed; needed to enter the start-of-work stage.").Reads(x => new { x.ProposedPriceMinor, x.Currency }).Resolve(context => context.Source.ProposedPrice);
        Field(x => x.Requirements, nullable: true);
        Field(x => x.ProposalSentAt, nullable: true);
        Field(x => x.ContractRef, nullable: true);
        Field(x => x.InvoiceRef, nullable: true);
        Field(x => x.LostRefusedBy, nullable: true);
        Field(x => x.LostReason, nullable: true);
        Field(x => x.ClosedAt, nullable: true);
        Field(x => x.HandoffIntroducedAt, nullable: true);
        Field(x => x.HandoffPlannerProjectAt, nullable: true);
        Field(x => x.HandoffDocumentsSharedAt, nullable: true);
        Field(x => x.HandoffToProjectManagerAt, nullable: true);
        Field(x => x.HandoffProjectManager, nullable: true);
        Field(x => x.IsHandedOff).Reads(x => new { x.HandoffIntroducedAt, x.HandoffPlannerProjectAt, x.HandoffDocumentsSharedAt, x.HandoffToProjectManagerAt });

        Field<NonNullGraphType<ClientType>>("client")
            .Description("The client the deal is with.")
            .Reads(x => x.ClientId)
            .Resolve(context => context.LoadById<Client>(context.Source.ClientId));
        Field<LeadType>("lead")
            .Description("The lead the deal was created from on conversion, if any.")
            .Reads(x => x.LeadId)
            .Resolve(context => context.LoadById<Lead>(context.Source.LeadId));
        Field<NonNullGraphType<PipelineType>>("pipeline")
            .Description("The pipeline the deal moves through.")
            .Reads(x => x.PipelineId)
            .Resolve(context => context.LoadById<Pipeline>(context.Source.PipelineId));
        Field<NonNullGraphType<PipelineStageType>>("stage")
            .Description("The current stage.")
            .Reads(x => x.StageId)
            .Resolve(context => context.LoadById<PipelineStage>(context.Source.StageId));
        Field<StaffUserType>("owner")
            .Description("The responsible staff user, usually a conversion manager.")
            .Reads(x => x.OwnerId)
            .Resolve(context => context.LoadById<StaffUser>(context.Source.OwnerId));
        Field<NonNullGraphType<ConnectionGraphType<DealStageChangeType, DealStageChange>>>("stageChanges")
            .Description("The history of stage moves, oldest first.")
            .PagingArguments()
            .Reads(x => x.Id)
            .Resolve(ChangesOldestFirst.Load);
    }
}
