using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Security;

/// <summary>A partner's token sees only its own leads (referred or given to it, R12), through every path.</summary>
public sealed class PartnerIsolationTests(PartnerIsolationTests.Api api) : IClassFixture<PartnerIsolationTests.Api>
{
    /// <summary>Enough demo leads that each partner has some.</summary>
    public sealed class Api() : ApiHost(Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite")
    {
        protected override int DemoLeads => 200;
    }

    [Fact]
    public async Task Leads_ListOnlyThePartnersOwn()
    {
        var (partner, own, _) = await LeadsOfFirstPartnerAsync();
        var client = await api.ClientForAsync(partner.ApiClientId!);

        var data = Data(await api.PostAsync(client, "{ leads(first: 100) { totalCount nodes { id } } }"));

        var ids = data["leads"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToHashSet();
        Assert.NotEmpty(own);
        Assert.Equal(own.Select(id => GlobalId.Encode("Lead", id)).ToHashSet(), ids);
        Assert.Equal(own.Count, (int)data["leads"]!["totalCount"]!);
    }

    [Fact]
    public async Task Leads_ListOnlyThePartnersOwn_WhenTheClientIsLookedUpAgainFirst()
    {
        var (partner, own, _) = await LeadsOfFirstPartnerAsync();
        var client = await api.ClientForAsync(partner.ApiClientId!);
        // The client check's lookup, once its confirmation lapsed, runs before the request knows its caller.
        api.Services.GetRequiredService<Platform.Api.Security.ClientStatusCache>().Expire(partner.ApiClientId!);

        var data = Data(await api.PostAsync(client, "{ leads(first: 100) { totalCount } }"));

        Assert.Equal(own.Count, (int)data["leads"]!["totalCount"]!);
    }

    [Fact]
    public async Task AnotherPartnersLeads_AreNullThroughNodeAndNodes()
    {
        var (partner, _, others) = await LeadsOfFirstPartnerAsync();
        var client = await api.ClientForAsync(partner.ApiClientId!);
        var foreign = others.Take(3).Select(id => GlobalId.Encode("Lead", id)).ToList();
        Assert.NotEmpty(foreign);

        var data = Data(await api.PostAsync(client, "query($id: ID!, $ids: [ID!]!) { node(id: $id) { id } nodes(ids: $ids) { id } }",
            new { id = foreign[0], ids = foreign }));

        Assert.Null(data["node"]);
        Assert.All(data["nodes"]!.AsArray(), Assert.Null);
    }

    [Fact]
    public async Task ClientsAndStaff_AreInvisibleEvenByIdAndNested()
    {
        var (partner, own, _) = await LeadsOfFirstPartnerAsync();
        var client = await api.ClientForAsync(partner.ApiClientId!);
        long clientId;
        await using (var scope = api.Services.CreateAsyncScope())
            clientId = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Clients.Select(c => c.Id).FirstAsync();

        var data = Data(await api.PostAsync(client, "query($id: ID!) { node(id: $id) { id } }", new { id = GlobalId.Encode(nameof(Client), clientId) }));
        Assert.Null(data["node"]);

        var leads = Data(await api.PostAsync(client, "{ leads(first: 100) { nodes { owner { id } client { id } } } }"))["leads"]!["nodes"]!.AsArray();
        Assert.All(leads, lead =>
        {
            Assert.Null(lead!["owner"]);
            Assert.Null(lead["client"]);
        });
        Assert.Equal(own.Count, leads.Count);
    }

    [Fact]
    public async Task Filters_CannotReachOtherPartnersLeads()
    {
        var (partner, own, others) = await LeadsOfFirstPartnerAsync();
        var client = await api.ClientForAsync(partner.ApiClientId!);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var other = await db.Leads.Where(l => others.Contains(l.Id) && l.PartnerId != null && l.PartnerId != partner.Id && l.OwnerId != null)
            .OrderBy(l => l.Id).FirstAsync();

        // Filters naming another partner's lead by its phone, its partner and its owner: each matches that lead in the
        // database, and the partner gets only its own leads back.
        foreach (var filter in new object[]
        {
            new { search = other.Phone },
            new { partnerId = GlobalId.Encode(nameof(Partner), other.PartnerId!.Value) },
            new { ownerId = GlobalId.Encode("StaffUser", other.OwnerId!.Value) },
        })
        {
            var leads = Data(await api.PostAsync(client, "query($filter: LeadFilter) { leads(first: 100, filter: $filter) { totalCount nodes { id } } }", new { filter }))["leads"]!;
            var ids = leads["nodes"]!.AsArray().Select(n => GlobalId.TryDecode((string)n!["id"]!, "Lead")!.Value).ToList();

            Assert.DoesNotContain(other.Id, ids);
            Assert.All(ids, id => Assert.Contains(id, own));
            Assert.Equal(ids.Count, (int)leads["totalCount"]!);
        }
    }

    [Fact]
    public async Task Partner_CannotUseOtherCrmLists()
    {
        var (partner, _, _) = await LeadsOfFirstPartnerAsync();
        var client = await api.ClientForAsync(partner.ApiClientId!);

        var result = await api.PostAsync(client, "{ clients(first: 1) { totalCount } }");

        Assert.Equal("ACCESS_DENIED", (string?)result["errors"]?[0]?["extensions"]?["code"]);
    }

    private static JsonObject Data(JsonObject result)
    {
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!.AsObject();
    }

    private async Task<(Partner Partner, List<long> Own, List<long> Others)> LeadsOfFirstPartnerAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var partner = await db.Partners.Where(p => p.ApiClientId != null && db.Leads.Any(l => l.PartnerId == p.Id || l.AssignedPartnerId == p.Id))
            .OrderBy(p => p.Id).FirstAsync();
        var own = await db.Leads.Where(l => l.PartnerId == partner.Id || l.AssignedPartnerId == partner.Id).Select(l => l.Id).ToListAsync();
        var others = await db.Leads.Where(l => !own.Contains(l.Id)).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync();
        return (partner, own, others);
    }
}
