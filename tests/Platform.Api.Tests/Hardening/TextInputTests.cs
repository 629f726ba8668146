using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.Domain;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Hardening;

/// <summary>
/// Every text a mutation stores refuses a control character (tab and line breaks only in free text) and an unpaired
/// surrogate as a VALIDATION error naming the field, storing nothing; a query filter refuses them as INVALID_ARGUMENT
/// naming the argument, where PostgreSQL would fail on a NUL. The bad character comes as a GraphQL string escape in
/// the document: JSON transport refuses an unpaired surrogate before any resolver runs.
/// </summary>
public abstract class TextInputTests<THost>(THost api) where THost : ApiHost
{
    private const string Nul = @"\u0000";
    private const string Surrogate = @"\ud800";

    public static IEnumerable<object[]> Mutations() =>
        from mutation in new[]
        {
            "createClient", "updateClient", "addContact", "createDeal", "moveDeal", "loseDeal", "logActivity", "refuseLead", "qualifyLead",
            "convertLead", "createPartner", "createReferralProgram", "recordPayment", "recordPayout", "recordMarketingSpend", "createWebhookSubscription",
        }
        from escape in new[] { Nul, Surrogate }
        select new object[] { mutation, escape };

    /// <summary>The mutation's field that gets the bad text and its call, with <c>{BAD}</c> where the escape goes.</summary>
    private async Task<(string Field, string Call)> ArrangeAsync(string mutation) => mutation switch
    {
        "createClient" => ("name", """createClient(input: { name: "Acme{BAD}", kind: COMPANY })"""),
        "updateClient" => ("region", $$"""updateClient(input: { clientId: "{{await api.ClientAsync()}}", region: "North{BAD}" })"""),
        "addContact" => ("phone", $$"""addContact(input: { clientId: "{{await api.ClientAsync()}}", firstName: "Ann", phone: "+49 30 1234567{BAD}" })"""),
        "createDeal" => ("title", $$"""createDeal(input: { clientId: "{{await api.ClientAsync()}}", title: "Website{BAD}", amount: { amount: 1000, currency: "EUR" } })"""),
        "moveDeal" => ("stageCode", $$"""moveDeal(input: { dealId: "{{await DealAsync()}}", stageCode: "CONTACTED{BAD}" })"""),
        "loseDeal" => ("reason", $$"""loseDeal(input: { dealId: "{{await DealAsync()}}", refusedBy: CLIENT, reason: "Budget{BAD}" })"""),
        "logActivity" => ("subject", $$"""logActivity(input: { leadId: "{{await LeadAsync()}}", type: EMAIL, subject: "Offer{BAD}" })"""),
        "refuseLead" => ("reason", $$"""refuseLead(input: { leadId: "{{await LeadAsync()}}", refusedBy: CLIENT, reason: "Too expensive{BAD}" })"""),
        "qualifyLead" => ("targetCriteria", $$"""qualifyLead(input: { leadId: "{{await LeadAsync(called: true)}}", needConfirmed: true, canPay: true, hasDecisionAuthority: true, targetCriteria: [{ name: "industry{BAD}", value: "retail" }] })"""),
        "convertLead" => ("dealTitle", $$"""convertLead(input: { leadId: "{{await QualifiedLeadAsync()}}", createDeal: true, dealTitle: "Website{BAD}" })"""),
        "createPartner" => ("name", """createPartner(input: { name: "Agency{BAD}", type: AD_AGENCY })"""),
        "createReferralProgram" => ("description", """createReferralProgram(input: { name: "Spring", description: "Ten per cent{BAD}", rewardType: BONUS, rewardValue: 1000, activeFrom: "2026-01-01T00:00:00Z" })"""),
        "recordPayment" => ("reference", $$"""recordPayment(input: { orderId: "{{GlobalId.Encode("Order", 1)}}", amount: { amount: 100, currency: "EUR" }, reference: "INV-1{BAD}" })"""),
        "recordPayout" => ("reference", $$"""recordPayout(input: { partnerId: "{{GlobalId.Encode("Partner", 1)}}", rewardIds: [], reference: "TR-1{BAD}" })"""),
        "recordMarketingSpend" => ("landingPage", """recordMarketingSpend(input: { channel: "WEBSITE", landingPage: "promo{BAD}", periodStart: "2026-01-01T00:00:00Z", periodEnd: "2026-02-01T00:00:00Z", amount: { amount: 1000, currency: "EUR" } })"""),
        "createWebhookSubscription" => ("url", """createWebhookSubscription(input: { url: "https://example.com/hook{BAD}", events: ["lead.created"] })"""),
        _ => throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null),
    };

    private async Task<string> DealAsync() => await api.DealAsync(await api.ClientAsync(), "NEW");

    private async Task<string> LeadAsync(bool called = false)
    {
        var id = (string)(await api.NewLeadAsync())["id"]!;
        if (called)
            (await api.CallAsync(id)).AssertOk();
        return id;
    }

    private async Task<string> QualifiedLeadAsync()
    {
        var id = await LeadAsync(called: true);
        (await api.QualifyAsync(id)).AssertOk();
        return id;
    }

    /// <summary>Every row and every saved change of the records a mutation may write: any stored change moves it.</summary>
    private async Task<long> StoredStateAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        IQueryable<Entity>[] sets =
        [
            db.Leads, db.Activities, db.Clients, db.Contacts, db.Deals, db.Orders, db.Payments, db.Partners, db.ReferralPrograms,
            db.Payouts, db.MarketingSpends, db.WebhookSubscriptions,
        ];
        long total = 0;
        foreach (var set in sets)
            total += await set.SumAsync(e => 1L + e.Version);
        return total;
    }

    /// <summary>Runs <paramref name="call"/> and returns its payload's single error.</summary>
    private async Task<JsonNode> SingleErrorAsync(string mutation, string call)
    {
        var data = await api.QueryAsync($"mutation {{ {call} {{ errors {{ ... on Error {{ code message }} ... on ValidationError {{ field }} }} }} }}");
        var errors = data[mutation]!["errors"]!.AsArray();
        Assert.True(errors.Count == 1, data.ToJsonString());
        return errors[0]!;
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Mutation_ControlCharacterOrUnpairedSurrogate_IsAValidationErrorOnTheFieldAndStoresNothing(string mutation, string escape)
    {
        var (field, call) = await ArrangeAsync(mutation);
        var before = await StoredStateAsync();

        var error = await SingleErrorAsync(mutation, call.Replace("{BAD}", escape));

        Assert.Equal(("VALIDATION", field), ((string)error["code"]!, (string)error["field"]!));
        Assert.Contains(escape == Nul ? "control character U+0000" : "unpaired surrogate", (string)error["message"]!);
        Assert.Equal(before, await StoredStateAsync());
    }

    [Fact]
    public async Task CreateClient_TabInTheName_IsAValidationError()
    {
        var error = await SingleErrorAsync("createClient", """createClient(input: { name: "Acme\tLLC", kind: COMPANY })""");
        Assert.Equal(("VALIDATION", "name"), ((string)error["code"]!, (string)error["field"]!));
        Assert.Contains("U+0009", (string)error["message"]!);
    }

    [Fact]
    public async Task TabsAndLineBreaksInFreeText_AreStoredAsSent()
    {
        const string notes = "Two sites:\r\n\tshop\n\tblog";
        var data = await api.QueryAsync("mutation($input: CreateClientInput!) { createClient(input: $input) { client { id } errors { __typename } } }",
            new { input = new { name = "Acme Notes", kind = "COMPANY", notes } });
        var requirements = "Pages:\n\tabout\r\n\tcontacts";
        var deal = await api.QueryAsync("mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } errors { __typename } } }",
            new { input = new { clientId = (string)data["createClient"]!["client"]!["id"]!, title = "Website", requirements, amount = new { amount = 1000, currency = "EUR" } } });

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var clientId = GlobalId.TryDecode((string)data["createClient"]!["client"]!["id"]!, "Client")!.Value;
        var dealId = GlobalId.TryDecode((string)deal["createDeal"]!["deal"]!["id"]!, "Deal")!.Value;
        Assert.Equal(notes, (await db.Clients.SingleAsync(c => c.Id == clientId)).Notes);
        Assert.Equal(requirements, (await db.Deals.SingleAsync(d => d.Id == dealId)).Requirements);
    }

    [Theory]
    [InlineData("leads", """leads(filter: { search: "olga\u0000" })""", "filter.search")]
    [InlineData("leads", """leads(filter: { landingPage: "promo\ud800" })""", "filter.landingPage")]
    [InlineData("leads", """leads(filter: { channel: ["WEBSITE\u0000"] })""", "filter.channel")]
    [InlineData("clients", """clients(filter: { nameStartsWith: "Acme\u0000" })""", "filter.nameStartsWith")]
    [InlineData("clients", """clients(filter: { industry: "retail\u0000" })""", "filter.industry")]
    [InlineData("clients", """clients(filter: { region: "North\ud800" })""", "filter.region")]
    [InlineData("deals", """deals(filter: { stageCode: ["NEW\u0000"] })""", "filter.stageCode")]
    public async Task Filter_ControlCharacterOrUnpairedSurrogate_IsAnInvalidArgumentNamingIt(string field, string call, string argument)
    {
        var result = await api.PostAsync($"{{ {call} {{ totalCount }} }}");

        var error = result["errors"]!.AsArray().Single()!;
        Assert.Equal("INVALID_ARGUMENT", (string)error["extensions"]!["code"]!);
        Assert.StartsWith($"`{argument}` contains", (string)error["message"]!);
        Assert.Equal(field, (string)error["path"]![0]!);
    }
}

public sealed class DefaultTextInputTests(DefaultApi api) : TextInputTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresTextInputTests(PostgresApi api) : TextInputTests<PostgresApi>(api), IClassFixture<PostgresApi>;
