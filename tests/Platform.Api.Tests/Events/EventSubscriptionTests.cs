using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;
using Platform.GraphQL.Server.Relay;
using Platform.Testing;

namespace Platform.Api.Tests.Events;

/// <summary>
/// The subscription fields over the real graphql-transport-ws transport with real tokens: a mutation's event arrives,
/// and each caller receives only what it may read. Each subscription starts after the outbox's last event (`after`), so
/// the events of the changes made next arrive whether the subscription or the change came first.
/// </summary>
public abstract class EventSubscriptionTests<THost>(THost api) where THost : ApiHost
{
    private async Task<string> LastEventIdAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return ((await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxEvents.MaxAsync(e => (long?)e.Id)) ?? 0).ToString();
    }

    private async Task<GraphQLWsTestClient> SubscribeAsync(string token, string field, string after, string types)
    {
        var client = await api.ConnectWebSocketAsync();
        await client.InitAsync(token);
        await client.SubscribeAsync("1", $$"""subscription { {{field}}(after: "{{after}}", filter: { types: [{{types}}] }) { id type aggregateId aggregateType version payload } }""");
        return client;
    }

    /// <summary>The next event the subscription delivers.</summary>
    private static async Task<JsonElement> NextEventAsync(GraphQLWsTestClient client, string field)
    {
        var message = await client.ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == "next", message.ToString());
        return message.GetProperty("payload").GetProperty("data").GetProperty(field);
    }

    private async Task<string> ManagerTokenAsync()
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, StaffRoles.Manager);
        return (string)(await new StaffSignInFlow(api).SignInAsync(email, password))["access_token"]!;
    }

    private async Task<string> StaffIdAsync(string? email = null)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var id = await db.StaffUsers.Where(s => email == null || s.Email == email).OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync();
        return GlobalId.Encode("StaffUser", id);
    }

    [Fact]
    public async Task LeadEvents_AMutationsEventArrives()
    {
        var after = await LastEventIdAsync();
        await using var client = await SubscribeAsync(await api.TokenAsync(DemoClients.Integration), "leadEvents", after, "\"lead.assigned\"");
        var leadId = (string)(await api.NewLeadAsync())["id"]!;

        var assignedAtOnce = await NextEventAsync(client, "leadEvents"); // Leads:AutoAssign
        (await api.AssignAsync(leadId, await StaffIdAsync())).AssertOk();
        var assigned = await NextEventAsync(client, "leadEvents");

        Assert.Equal((leadId, "lead.assigned"), (assignedAtOnce.GetProperty("aggregateId").GetString(), assignedAtOnce.GetProperty("type").GetString()));
        Assert.Equal((leadId, "Lead"), (assigned.GetProperty("aggregateId").GetString(), assigned.GetProperty("aggregateType").GetString()));
        Assert.True(assigned.GetProperty("version").GetInt32() > assignedAtOnce.GetProperty("version").GetInt32());
        Assert.True(long.Parse(assigned.GetProperty("id").GetString()!) > long.Parse(after));
    }

    [Fact]
    public async Task ReferralAndLeadEvents_APartnerReceivesOnlyItsOwn()
    {
        var after = await LastEventIdAsync();
        await using var referrals = await SubscribeAsync(await api.TokenAsync("partner-bright-ads"), "referralEvents", after, "\"referral.created\"");
        await using var leads = await SubscribeAsync(await api.TokenAsync("partner-bright-ads"), "leadEvents", after, "\"lead.created\"");
        const string Submit = "mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id } } }";
        var other = await api.PostAsync(await api.ClientForAsync("partner-nord-si"), Submit, new { input = new { firstName = "Nord", phone = LeadApi.NewPhone() } });
        var own = await api.PostAsync(await api.ClientForAsync("partner-bright-ads"), Submit, new { input = new { firstName = "Bright", phone = LeadApi.NewPhone() } });
        var ownLead = (string)own["data"]!["submitLead"]!["lead"]!["id"]!;
        Assert.NotNull(other["data"]!["submitLead"]!["lead"]);

        var lead = await NextEventAsync(leads, "leadEvents");
        var referral = await NextEventAsync(referrals, "referralEvents");

        Assert.Equal(ownLead, lead.GetProperty("aggregateId").GetString()); // the other partner's lead came first, unseen
        var referralId = referral.GetProperty("aggregateId").GetString();
        var seen = await api.PostAsync(await api.ClientForAsync("partner-bright-ads"), "query($id: ID!) { node(id: $id) { ... on Referral { lead { id } } } }", new { id = referralId });
        Assert.Equal(ownLead, (string?)seen["data"]!["node"]!["lead"]!["id"]);
    }

    [Fact]
    public async Task LeadEvents_AManagerReceivesOnlyTheLeadsTheyOwn()
    {
        var otherManager = await ManagerTokenAsync();
        var otherId = await StaffIdAsync();
        var token = await ManagerTokenAsync();
        var ownId = await StaffIdAsync();
        Assert.NotEqual(otherId, ownId);
        var othersLead = (string)(await api.NewLeadAsync())["id"]!;
        var ownLead = (string)(await api.NewLeadAsync())["id"]!;
        // Whoever auto-assignment chose, each lead now moves to a known owner and then to the other one.
        (await api.AssignAsync(othersLead, ownId)).AssertOk();
        (await api.AssignAsync(ownLead, otherId)).AssertOk();
        var after = await LastEventIdAsync();
        await using var client = await SubscribeAsync(token, "leadEvents", after, "\"lead.assigned\"");

        (await api.AssignAsync(othersLead, otherId)).AssertOk();
        (await api.AssignAsync(ownLead, ownId)).AssertOk();
        var first = await NextEventAsync(client, "leadEvents");

        Assert.Equal(ownLead, first.GetProperty("aggregateId").GetString());
        Assert.NotEmpty(otherManager);
    }

    [Theory]
    [InlineData(DemoClients.Bi, "leadEvents")]
    [InlineData(DemoClients.Landing, "orderEvents")]
    [InlineData("partner-bright-ads", "dealEvents")]
    public async Task Subscription_ByACallerWithoutTheRight_IsDenied(string clientId, string field)
    {
        await using var client = await api.ConnectWebSocketAsync();
        await client.InitAsync(await api.TokenAsync(clientId));
        await client.SubscribeAsync("1", $"subscription {{ {field} {{ id }} }}");

        var error = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("ACCESS_DENIED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}

public sealed class DefaultEventSubscriptionTests(DefaultApi api) : EventSubscriptionTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresEventSubscriptionTests(PostgresApi api) : EventSubscriptionTests<PostgresApi>(api), IClassFixture<PostgresApi>;
