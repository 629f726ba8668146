using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Api.Availability;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;

namespace Platform.Api.Tests.Http;

/// <summary>A request still waiting when the request timeout fires: a TIMEOUT answer, and no outage.</summary>
public sealed class RequestTimeoutTests(RequestTimeoutTests.ShortTimeoutApi api) : IClassFixture<RequestTimeoutTests.ShortTimeoutApi>
{
    private const string Leads = "{ leads(first: 3) { totalCount nodes { id } } }";

    [Fact]
    public async Task Query_BlockedUntilTheRequestTimeout_Is504WithTimeoutError()
    {
        // A cold host may need more than the timeout for its first query (schema, query compilation): warm it up.
        var warm = false;
        for (var attempt = 0; attempt < 5 && !warm; attempt++)
            warm = (await SendAsync()).Status == HttpStatusCode.OK;
        Assert.True(warm, "The query never succeeded.");

        // Another session holds the leads table: the query waits on its lock until the request timeout cancels it.
        await using var holder = new NpgsqlConnection(ConnectionString());
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockLeads = new NpgsqlCommand("""LOCK TABLE "Leads" IN ACCESS EXCLUSIVE MODE""", holder, transaction))
            await lockLeads.ExecuteNonQueryAsync();

        var (status, text) = await SendAsync();
        await transaction.RollbackAsync();

        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.False(string.IsNullOrWhiteSpace(text), "The answer has no body.");
        Assert.Equal("TIMEOUT", (string?)JsonNode.Parse(text)!["errors"]?[0]?["extensions"]?["code"]);
        Assert.DoesNotContain("Exception", text);
        // A cancelled query is not the database going away.
        Assert.True(api.Services.GetRequiredService<DatabaseAvailability>().IsAvailable);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync()).Status);
    }

    private async Task<(HttpStatusCode Status, string Text)> SendAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Leads }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await api.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private string ConnectionString()
    {
        using var scope = api.Services.CreateScope();
        return new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.GetDbConnection().ConnectionString) { Pooling = false }.ConnectionString;
    }

    /// <summary>The API on PostgreSQL with a request timeout of 3 s.</summary>
    public sealed class ShortTimeoutApi() : ApiHost("Postgres")
    {
        protected override int DemoLeads => 10;

        protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["GraphQL:RequestTimeout"] = "00:00:03";
    }
}
