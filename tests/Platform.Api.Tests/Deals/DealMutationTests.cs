using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.Domain.Deals;

namespace Platform.Api.Tests.Deals;

/// <summary>createDeal, moveDeal (Q3 gate, terminal stages, history), loseDeal and the hand-off checklist.</summary>
public abstract class DealMutationTests<THost>(THost api) where THost : ApiHost
{
    private const string DealFields = """
        deal { id version stage { code } pipeline { isDefault } proposalSentAt requirements proposedPrice { amount } lostRefusedBy lostReason closedAt
               handoffIntroducedAt handoffToProjectManagerAt handoffProjectManager isHandedOff
               stageChanges { totalCount nodes { changedAt } } }
        errors { __typename ... on Error { message code } ... on ValidationError { field } ... on NotFoundError { id }
                 ... on ConflictError { currentVersion } ... on TransitionNotAllowedError { from to allowed } }
        """;

    private async Task<JsonNode> MutateAsync(string mutation, string inputType, object input) =>
        (await api.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {DealFields} }} }}", new { input }))[mutation]!;

    private Task<JsonNode> MoveAsync(string dealId, string stageCode, string? requirements = null, long? proposedPrice = null) =>
        MutateAsync("moveDeal", "MoveDealInput", new { dealId, stageCode, requirements, proposedPrice });

    private Task<JsonNode> HandoffAsync(string dealId, string step, string? projectManager = null) =>
        MutateAsync("completeHandoffStep", "CompleteHandoffStepInput", new { dealId, step, projectManager });

    private static JsonNode Ok(JsonNode payload)
    {
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["deal"]!;
    }

    private static JsonNode Error(JsonNode payload)
    {
        Assert.Null(payload["deal"]);
        return payload["errors"]!.AsArray().Single()!;
    }

    private async Task<string> NewDealAsync()
    {
        var client = await api.ClientAsync();
        return (string)Ok(await MutateAsync("createDeal", "CreateDealInput", new { clientId = client, title = "Website redesign", amount = new { amount = 500000, currency = "EUR" } }))["id"]!;
    }

    [Fact]
    public async Task CreateDeal_StartsInTheDefaultPipelinesFirstStage()
    {
        var client = await api.ClientAsync();

        var deal = Ok(await MutateAsync("createDeal", "CreateDealInput", new { clientId = client, title = "Website redesign", amount = new { amount = 500000, currency = "EUR" } }));

        Assert.Equal(("NEW", true, 1), ((string)deal["stage"]!["code"]!, (bool)deal["pipeline"]!["isDefault"]!, (int)deal["stageChanges"]!["totalCount"]!));
    }

    [Fact]
    public async Task CreateDeal_BlankTitle_IsAValidationError()
    {
        var client = await api.ClientAsync();
        var error = Error(await MutateAsync("createDeal", "CreateDealInput", new { clientId = client, title = " ", amount = new { amount = 1, currency = "EUR" } }));
        Assert.Equal(("VALIDATION", "title"), ((string)error["code"]!, (string)error["field"]!));
    }

    [Theory] // Q3: «Начало работ» needs agreed requirements and a proposed price
    [InlineData(null, 100000L, "requirements")]
    [InlineData("Five pages, CMS", null, "proposedPrice")]
    public async Task MoveDeal_StartOfWorkWithoutAgreedTerms_IsAValidationErrorAndChangesNothing(string? requirements, long? price, string field)
    {
        var deal = await NewDealAsync();

        var error = Error(await MoveAsync(deal, PipelineStageCodes.StartOfWorkAgreed, requirements, price));

        Assert.Equal(("VALIDATION", field), ((string)error["code"]!, (string)error["field"]!));
        var now = await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Deal { stage { code } stageChanges { totalCount } } } }", new { id = deal });
        Assert.Equal(("NEW", 1), ((string)now["node"]!["stage"]!["code"]!, (int)now["node"]!["stageChanges"]!["totalCount"]!));
    }

    [Fact]
    public async Task MoveDeal_WithAgreedTerms_EntersStartOfWorkAndRecordsTheHistory()
    {
        var deal = await NewDealAsync();
        Ok(await MoveAsync(deal, PipelineStageCodes.ProposalSent));

        var moved = Ok(await MoveAsync(deal, PipelineStageCodes.StartOfWorkAgreed, "Five pages, CMS", 480000));

        Assert.Equal(("START_OF_WORK_AGREED", "Five pages, CMS", 480000L), ((string)moved["stage"]!["code"]!, (string)moved["requirements"]!, (long)moved["proposedPrice"]!["amount"]!));
        Assert.Equal(3, (int)moved["stageChanges"]!["totalCount"]!);
    }

    [Fact] // T4: the first entry into PROPOSAL_SENT is the deal's proposalSentAt (proposalTimeKpi's end); re-entering keeps it
    public async Task MoveDeal_IntoProposalSent_SetsProposalSentAtOnTheFirstEntryOnly()
    {
        var deal = await NewDealAsync();
        Ok(await MoveAsync(deal, PipelineStageCodes.NeedsIdentified));
        var beforeProposal = await StoredAsync(deal);

        (DateTime? SentAt, List<DateTime> Changes) sent, again;
        var firstEntry = DateTime.UtcNow;
        try
        {
            api.Clock.FixedAt = firstEntry;
            Ok(await MoveAsync(deal, PipelineStageCodes.ProposalSent));
            sent = await StoredAsync(deal);
            Ok(await MoveAsync(deal, PipelineStageCodes.NeedsIdentified));
            api.Clock.FixedAt = firstEntry.AddMinutes(1);
            Ok(await MoveAsync(deal, PipelineStageCodes.ProposalSent));
            again = await StoredAsync(deal);
        }
        finally
        {
            api.Clock.FixedAt = null;
        }

        Assert.Null(beforeProposal.SentAt);
        Assert.Equal(sent.Changes.Max(), sent.SentAt); // the move into PROPOSAL_SENT, the latest change then
        Assert.Equal(sent.SentAt, again.SentAt);
        Assert.Equal(5, again.Changes.Count);
        Assert.True(again.Changes.Max() > sent.SentAt, $"the re-entry at {again.Changes.Max():O} is later than the first entry {sent.SentAt:O}");
    }

    /// <summary>The deal's proposalSentAt and stage change times as stored (read back, so at the database's precision).</summary>
    private async Task<(DateTime? SentAt, List<DateTime> Changes)> StoredAsync(string deal)
    {
        var node = (await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Deal { proposalSentAt stageChanges(first: 50) { nodes { changedAt } } } } }", new { id = deal }))["node"]!;
        static DateTime Utc(JsonNode? value) => DateTime.Parse((string)value!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        return (node["proposalSentAt"] is { } at ? Utc(at) : null, node["stageChanges"]!["nodes"]!.AsArray().Select(n => Utc(n!["changedAt"])).ToList());
    }

    [Theory]
    [InlineData("WON")]
    [InlineData("LOST")]
    public async Task MoveDeal_ToAClosingStage_IsAnInvalidTransition(string stage)
    {
        var deal = await NewDealAsync();

        var error = Error(await MoveAsync(deal, stage, "Agreed", 100000));

        Assert.Equal(("INVALID_TRANSITION", "NEW", stage), ((string)error["code"]!, (string)error["from"]!, (string)error["to"]!));
        Assert.DoesNotContain("WON", error["allowed"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task MoveDeal_UnknownStage_IsAValidationError()
    {
        var error = Error(await MoveAsync(await NewDealAsync(), "NO_SUCH_STAGE"));
        Assert.Equal(("VALIDATION", "stageCode"), ((string)error["code"]!, (string)error["field"]!));
    }

    [Fact]
    public async Task LoseDeal_RecordsWhoRefusedAndWhy_ThenTheDealNoLongerMoves()
    {
        var deal = await NewDealAsync();

        var lost = Ok(await MutateAsync("loseDeal", "LoseDealInput", new { dealId = deal, refusedBy = "CLIENT", reason = "Chose a cheaper studio" }));
        var moved = Error(await MoveAsync(deal, PipelineStageCodes.Contacted));
        var again = Error(await MutateAsync("loseDeal", "LoseDealInput", new { dealId = deal, refusedBy = "US", reason = "Again" }));

        Assert.Equal(("LOST", "CLIENT", "Chose a cheaper studio"), ((string)lost["stage"]!["code"]!, (string)lost["lostRefusedBy"]!, (string)lost["lostReason"]!));
        Assert.NotNull(lost["closedAt"]);
        Assert.Equal(("INVALID_TRANSITION", "LOST"), ((string)moved["code"]!, (string)moved["from"]!));
        Assert.Equal("INVALID_TRANSITION", (string)again["code"]!);
    }

    [Fact]
    public async Task LoseDeal_WithoutReason_IsAValidationError()
    {
        var error = Error(await MutateAsync("loseDeal", "LoseDealInput", new { dealId = await NewDealAsync(), refusedBy = "US", reason = "  " }));
        Assert.Equal(("VALIDATION", "reason"), ((string)error["code"]!, (string)error["field"]!));
    }

    [Fact]
    public async Task CompleteHandoffStep_FourStepsInOrder_HandsTheProjectOff()
    {
        var deal = await NewDealAsync();
        Assert.Equal("dealId", (string)Error(await HandoffAsync(deal, "INTRODUCED"))["field"]!); // before the start of work
        Ok(await MoveAsync(deal, PipelineStageCodes.StartOfWorkAgreed, "Five pages, CMS", 480000));

        Assert.Equal("step", (string)Error(await HandoffAsync(deal, "PLANNER_PROJECT"))["field"]!); // out of order
        Ok(await HandoffAsync(deal, "INTRODUCED"));
        Assert.Equal("step", (string)Error(await HandoffAsync(deal, "INTRODUCED"))["field"]!); // already done
        Ok(await HandoffAsync(deal, "PLANNER_PROJECT"));
        Ok(await HandoffAsync(deal, "DOCUMENTS_SHARED"));
        Assert.Equal("projectManager", (string)Error(await HandoffAsync(deal, "HANDED_TO_PROJECT_MANAGER"))["field"]!);
        var done = Ok(await HandoffAsync(deal, "HANDED_TO_PROJECT_MANAGER", "Olga"));

        Assert.Equal((true, "Olga"), ((bool)done["isHandedOff"]!, (string)done["handoffProjectManager"]!));
    }

    [Fact]
    public async Task MoveDeal_AtAStaleVersion_IsAConflict()
    {
        var deal = await NewDealAsync();
        Ok(await MoveAsync(deal, PipelineStageCodes.Contacted));

        var error = Error(await MutateAsync("moveDeal", "MoveDealInput", new { dealId = deal, stageCode = "NEEDS_IDENTIFIED", expectedVersion = 1 }));

        Assert.Equal("CONFLICT", (string)error["code"]!);
    }
}

public sealed class DefaultDealMutationTests(DefaultApi api) : DealMutationTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresDealMutationTests(PostgresApi api) : DealMutationTests<PostgresApi>(api), IClassFixture<PostgresApi>;
