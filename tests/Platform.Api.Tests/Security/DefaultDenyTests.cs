using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.GraphQL;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;

namespace Platform.Api.Tests.Security;

/// <summary>
/// Default deny over the whole schema, including fields added later: every root field refuses callers without a
/// fitting scope (the access matrix itself: <see cref="AccessMatrixTests"/>).
/// </summary>
public sealed class DefaultDenyTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    [Fact]
    public async Task EveryMutation_DeniesATokenWithOnlyCrmRead()
    {
        var client = await api.ClientForAsync(DemoClients.Integration, scope: Scopes.CrmRead);
        // Readers manage their own webhooks (a subscription delivers only what its owner may read) and bulk exports (an
        // export holds only what its owner may read).
        foreach (var field in Schema().Mutation!.Fields.Where(f => f.GetPolicies()?.SingleOrDefault() != Policies.WebhooksManage && !f.Name.EndsWith("BulkExport", StringComparison.Ordinal)))
            await AssertDeniedAsync(client, $"mutation {{ {field.Name} }}", field.Name);
    }

    [Fact]
    public async Task EveryQuery_DeniesALandingToken()
    {
        var client = await api.ClientForAsync(DemoClients.Landing);
        foreach (var field in Schema().Query.Fields)
            await AssertDeniedAsync(client, $"{{ {field.Name} }}", field.Name);
    }

    private ISchema Schema()
    {
        var schema = api.Services.GetRequiredService<PlatformSchema>();
        schema.Initialize();
        return schema;
    }

    private async Task AssertDeniedAsync(HttpClient client, string query, string field)
    {
        var result = await api.PostAsync(client, query);
        var codes = result["errors"]?.AsArray().Select(e => (string?)e?["extensions"]?["code"]).ToList() ?? [];
        Assert.True(codes.Contains("ACCESS_DENIED"), $"{field} was not denied: {result.ToJsonString()}");
        Assert.Null(result["data"]);
    }
}
