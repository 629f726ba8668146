using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain;
using Platform.Domain.Deals;

namespace Platform.Api.Deals;

/// <summary>Input of <c>createDeal</c>.</summary>
public sealed class CreateDealInput
{
    public string ClientId { get; set; } = "";
    public string? PipelineId { get; set; }
    public string? OwnerId { get; set; }
    public string Title { get; set; } = "";
    public DealKind? Kind { get; set; }
    public MoneyInput Amount { get; set; } = new();
    public string? Requirements { get; set; }
    public long? ProposedPrice { get; set; }
}

/// <summary>Input of <c>moveDeal</c>.</summary>
public sealed class MoveDealInput
{
    public string DealId { get; set; } = "";
    public string StageCode { get; set; } = "";
    public string? Requirements { get; set; }
    public long? ProposedPrice { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>Input of <c>loseDeal</c>.</summary>
public sealed class LoseDealInput
{
    public string DealId { get; set; } = "";
    public RefusedBy RefusedBy { get; set; }
    public string Reason { get; set; } = "";
    public int? ExpectedVersion { get; set; }
}

/// <summary>Input of <c>completeHandoffStep</c>.</summary>
public sealed class CompleteHandoffStepInput
{
    public string DealId { get; set; } = "";
    public HandoffStep Step { get; set; }
    public string? ProjectManager { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>The <c>CreateDealInput</c> type.</summary>
public sealed class CreateDealInputType : InputObjectGraphType<CreateDealInput>
{
    public CreateDealInputType()
    {
        Name = "CreateDealInput";
        Description = "A new deal; it starts in the first stage of its pipeline.";
        Field<NonNullGraphType<IdGraphType>>("clientId").Description("The client's global ID.");
        Field<IdGraphType>("pipelineId").Description("The pipeline; the default pipeline when null.");
        Field<IdGraphType>("ownerId").Description("The responsible staff user, usually a conversion manager.");
        Field(x => x.Title).Description("Short description, e.g. \"Corporate website redesign\".");
        Field(x => x.Kind, nullable: true).Description("Kind of sale; NEW_BUSINESS when null.");
        Field<NonNullGraphType<MoneyInputType>>("amount").Description("Expected value of the deal.");
        Field(x => x.Requirements, nullable: true).Description("Agreed requirements, if already known.");
        Field(x => x.ProposedPrice, nullable: true).Description("Proposed price in minor units of the deal's currency, if already proposed.");
    }
}

/// <summary>The <c>MoveDealInput</c> type.</summary>
public sealed class MoveDealInputType : InputObjectGraphType<MoveDealInput>
{
    public MoveDealInputType()
    {
        Name = "MoveDealInput";
        Description = "A stage move of an open deal; the move is recorded in the stage history.";
        Field<NonNullGraphType<IdGraphType>>("dealId").Description("The deal's global ID.");
        Field(x => x.StageCode).Description("Code of the target stage in the deal's pipeline, e.g. START_OF_WORK_AGREED. WON is reached by paying the deal's order, LOST through `loseDeal`.");
        Field(x => x.Requirements, nullable: true).Description("Agreed requirements to store with the move; START_OF_WORK_AGREED and later stages need them.");
        Field(x => x.ProposedPrice, nullable: true).Description("Proposed price in minor units to store with the move; START_OF_WORK_AGREED and later stages need it.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The deal's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }
}

/// <summary>The <c>LoseDealInput</c> type.</summary>
public sealed class LoseDealInputType : InputObjectGraphType<LoseDealInput>
{
    public LoseDealInputType()
    {
        Name = "LoseDealInput";
        Description = "Closes an open deal as lost, with who refused and why.";
        Field<NonNullGraphType<IdGraphType>>("dealId").Description("The deal's global ID.");
        Field(x => x.RefusedBy).Description("Who refused: us (with arguments) or the client.");
        Field(x => x.Reason).Description("Why the deal was lost; required.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The deal's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }
}

/// <summary>The <c>CompleteHandoffStepInput</c> type.</summary>
public sealed class CompleteHandoffStepInputType : InputObjectGraphType<CompleteHandoffStepInput>
{
    public CompleteHandoffStepInputType()
    {
        Name = "CompleteHandoffStepInput";
        Description = "Marks one step of the four-step hand-off to production as done; steps are done in order.";
        Field<NonNullGraphType<IdGraphType>>("dealId").Description("The deal's global ID.");
        Field(x => x.Step).Description("The step done.");
        Field(x => x.ProjectManager, nullable: true).Description("Name of the production project manager; required for HANDED_TO_PROJECT_MANAGER.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The deal's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }
}
