using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Referrals;

/// <summary>R12: leads distributed among the dealers by region appear in the dealer's view, and only there.</summary>
public abstract class LeadDistributionTests<THost>(THost api) where THost : ApiHost
{
    private async Task<string> LeadInRegionAsync(string region)
    {
        var id = (string)(await api.NewLeadAsync())["id"]!;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var leadId = GlobalId.TryDecode(id, "Lead")!.Value;
        await db.Leads.Where(l => l.Id == leadId).ExecuteUpdateAsync(l => l.SetProperty(x => x.Region, region));
        return id;
    }

    [Fact]
    public async Task DistributedLead_GoesToTheDealerOfItsRegion_AndOnlyTheDealerSeesIt()
    {
        var inRegion = await LeadInRegionAsync("Balti");
        var elsewhere = await LeadInRegionAsync("Vladivostok");

        var payload = (await api.QueryAsync("mutation($input: DistributeLeadsInput!) { distributeLeadsToPartners(input: $input) { distributed { id } unmatched errors { __typename } } }",
            new { input = new { leadIds = new[] { inRegion, elsewhere } } }))["distributeLeadsToPartners"]!;

        Assert.Equal([inRegion], payload["distributed"]!.AsArray().Select(l => (string)l!["id"]!));
        Assert.Equal([elsewhere], payload["unmatched"]!.AsArray().Select(l => (string)l!));
        const string Query = "query($id: ID!) { node(id: $id) { id } leads(first: 100) { nodes { id } } }";
        var dealer = (await api.PostAsync(await api.ClientForAsync("partner-danube-dealers"), Query, new { id = inRegion }))["data"]!;
        Assert.Equal(inRegion, (string)dealer["node"]!["id"]!);
        Assert.Contains(inRegion, dealer["leads"]!["nodes"]!.AsArray().Select(l => (string)l!["id"]!));
        var other = (await api.PostAsync(await api.ClientForAsync("partner-bright-ads"), Query, new { id = inRegion }))["data"]!;
        Assert.Null(other["node"]);
        Assert.DoesNotContain(inRegion, other["leads"]!["nodes"]!.AsArray().Select(l => (string)l!["id"]!));
    }
}

public sealed class DefaultLeadDistributionTests(DefaultApi api) : LeadDistributionTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresLeadDistributionTests(PostgresApi api) : LeadDistributionTests<PostgresApi>(api), IClassFixture<PostgresApi>;
