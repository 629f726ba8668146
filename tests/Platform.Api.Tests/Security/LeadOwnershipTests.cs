using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Security.StaffSignIn;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Security;

/// <summary>A manager signed in by the authorization code flow sees only own leads, through every path; heads of sales and admins see all.</summary>
public sealed class LeadOwnershipTests(LeadOwnershipTests.Api api) : IClassFixture<LeadOwnershipTests.Api>
{
    /// <summary>Enough demo leads that several managers own some.</summary>
    public sealed class Api() : ApiHost(Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite")
    {
        protected override int DemoLeads => 200;
    }

    [Fact]
    public async Task Manager_LeadsListsOnlyOwnLeads()
    {
        var (manager, own, _) = await ManagerAsync();

        var data = await QueryAsync(manager, "{ leads(first: 100) { totalCount nodes { id } } }");

        Assert.NotEmpty(own);
        Assert.Equal(own.Select(id => GlobalId.Encode("Lead", id)).ToHashSet(), Ids(data["leads"]!["nodes"]!));
        Assert.Equal(own.Count, (int)data["leads"]!["totalCount"]!);
    }

    [Fact]
    public async Task Manager_FilteringByAnotherOwner_FindsNothing()
    {
        var (manager, _, others) = await ManagerAsync();
        long otherOwner;
        await using (var scope = api.Services.CreateAsyncScope())
            otherOwner = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.Where(l => l.Id == others[0]).Select(l => l.OwnerId!.Value).SingleAsync();

        var data = await QueryAsync(manager, "query($owner: ID!) { leads(first: 10, filter: { ownerId: $owner }) { totalCount } }",
            new { owner = GlobalId.Encode("StaffUser", otherOwner) });

        Assert.Equal(0, (int)data["leads"]!["totalCount"]!);
    }

    [Fact]
    public async Task Manager_AnotherManagersLeadsAreNullThroughNodeAndNodes_OwnAreVisible()
    {
        var (manager, own, others) = await ManagerAsync();
        var foreign = others.Take(3).Select(id => GlobalId.Encode("Lead", id)).ToList();

        var data = await QueryAsync(manager, "query($id: ID!, $ids: [ID!]!, $own: ID!) { node(id: $id) { id } nodes(ids: $ids) { id } mine: node(id: $own) { id } }",
            new { id = foreign[0], ids = foreign, own = GlobalId.Encode("Lead", own[0]) });

        Assert.Null(data["node"]);
        Assert.All(data["nodes"]!.AsArray(), Assert.Null);
        Assert.Equal(GlobalId.Encode("Lead", own[0]), (string?)data["mine"]!["id"]);
    }

    [Fact]
    public async Task Manager_AnotherManagersLeadIsNullThroughANestedField()
    {
        var (manager, _, others) = await ManagerAsync();
        long? clientId;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            clientId = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Clients
                .Where(c => c.OriginLeadId != null && others.Contains(c.OriginLeadId.Value)).Select(c => (long?)c.Id).FirstOrDefaultAsync();
        }
        Assert.NotNull(clientId);

        var data = await QueryAsync(manager, "query($id: ID!) { node(id: $id) { ... on Client { originLead { id } } } }",
            new { id = GlobalId.Encode(nameof(Client), clientId.Value) });

        Assert.Null(data["node"]!["originLead"]);
    }

    [Fact]
    public async Task Manager_CannotChangeAnotherManagersLead()
    {
        var (manager, _, others) = await ManagerAsync();
        LeadTemperature before;
        await using (var scope = api.Services.CreateAsyncScope())
            before = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.Where(l => l.Id == others[0]).Select(l => l.Temperature).SingleAsync();
        var target = before == LeadTemperature.Hot ? "COLD" : "HOT";

        var result = await api.PostAsync(manager, $$"""mutation($id: ID!) { setLeadTemperature(input: { leadId: $id, temperature: {{target}} }) { lead { id } errors { code } } }""",
            new { id = GlobalId.Encode("Lead", others[0]) });

        Assert.Null(result["data"]?["setLeadTemperature"]?["lead"]);
        await using (var scope = api.Services.CreateAsyncScope())
            Assert.Equal(before, await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.Where(l => l.Id == others[0]).Select(l => l.Temperature).SingleAsync());
    }

    [Theory]
    [InlineData(StaffRoles.HeadOfSales)]
    [InlineData(StaffRoles.Admin)]
    public async Task HeadOfSalesAndAdmin_SeeAllLeads(string role)
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, role);
        var flow = new StaffSignInFlow(api);
        var client = flow.ApiClient((string)(await flow.SignInAsync(email, password))["access_token"]!);
        int total;
        await using (var scope = api.Services.CreateAsyncScope())
            total = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.CountAsync();

        var data = await QueryAsync(client, "{ leads(first: 1) { totalCount } }");

        Assert.Equal(total, (int)data["leads"]!["totalCount"]!);
    }

    /// <summary>
    /// Signs in as the demo staff member owning the most leads (a sign-in account linked by e-mail, role manager) and
    /// returns a client with the token, the ids of own leads and of leads owned by others.
    /// </summary>
    private Task<(HttpClient Client, List<long> Own, List<long> Others)> ManagerAsync() => BusiestManager.SignInAsync(api);

    private async Task<JsonObject> QueryAsync(HttpClient client, string query, object? variables = null)
    {
        var result = await api.PostAsync(client, query, variables);
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!.AsObject();
    }

    private static HashSet<string> Ids(JsonNode nodes) => nodes.AsArray().Select(n => (string)n!["id"]!).ToHashSet();
}
