using Microsoft.AspNetCore.Builder;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Hardening;

/// <summary>A client that spends its cost budget for the minute is refused; other clients are not affected.</summary>
public sealed class CostBudgetTests(CostBudgetTests.Api api) : IClassFixture<CostBudgetTests.Api>
{
    /// <summary>A budget of 100 per minute: two queries of cost 41 fit, a third does not.</summary>
    public sealed class Api() : ApiHost("Sqlite")
    {
        protected override void Configure(WebApplicationBuilder builder) =>
            builder.Configuration["GraphQL:Limits:CostBudgetPerMinute"] = "100";
    }

    private const string Query = "{ leads(first: 10) { nodes { id owner { name } } } }";

    [Fact]
    public async Task OverBudgetClient_IsRefusedAndOthersStillServed()
    {
        var client = await api.ClientForAsync(DemoClients.Integration);
        Assert.Null((await api.PostAsync(client, Query))["errors"]);

        // The third query in one minute is over budget; one more in case the minute turned meanwhile.
        var refused = await api.PostAsync(client, Query);
        for (var i = 0; i < 3 && refused["errors"] is null; i++)
            refused = await api.PostAsync(client, Query);

        Assert.Equal("COST_BUDGET_EXCEEDED", (string?)refused["errors"]?[0]?["extensions"]?["code"]);
        Assert.Null(refused["data"]);
        var other = await api.ClientForAsync("partner-bright-ads");
        Assert.Null((await api.PostAsync(other, Query))["errors"]);
    }
}
