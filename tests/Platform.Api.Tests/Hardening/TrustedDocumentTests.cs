using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.TrustedDocuments;

namespace Platform.Api.Tests.Hardening;

/// <summary>Trusted documents (schema/documents) by hash, and clients switched to run only those.</summary>
public sealed class TrustedDocumentTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private static readonly string PartnerLeads = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "documents", "partner-leads.graphql"));
    private static readonly string PartnerLeadsId = "sha256:" + TrustedDocumentStore.Hash(PartnerLeads);

    [Fact]
    public async Task DocumentId_RunsTheTrustedDocument()
    {
        var result = await PostAsync(api.Client, new { documentId = PartnerLeadsId, variables = new { first = 2 } });

        Assert.True(result["errors"] is null, result.ToJsonString());
        Assert.Equal(2, result["data"]!["leads"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task UnknownDocumentId_IsRefused()
    {
        var result = await PostAsync(api.Client, new { documentId = "sha256:" + new string('0', 64) });

        Assert.NotNull(result["errors"]);
        Assert.Null(result["data"]);
    }

    [Fact]
    public async Task TrustedOnlyClient_RunsTrustedDocumentsButNoOtherQuery()
    {
        var client = await TrustedOnlyPartnerAsync();

        var byId = await PostAsync(client, new { documentId = PartnerLeadsId });
        var sameText = await PostAsync(client, new { query = PartnerLeads });
        var other = await PostAsync(client, new { query = "{ leads(first: 1) { totalCount } }" });

        Assert.Null(byId["errors"]);
        Assert.Null(sameText["errors"]);
        Assert.Equal(TrustedDocumentsValidationRule.ErrorCode, (string?)other["errors"]?[0]?["extensions"]?["code"]);
        Assert.Null(other["data"]);
    }

    [Fact]
    public async Task TrustedOnlyLandingKey_SubmitsByDocumentIdButRunsNoOtherDocument()
    {
        var submit = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "documents", "landing-submit-lead.graphql"));
        const string key = "lk_trusted_only_test";
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.LandingKeys.Add(new LandingKey { Key = key, Name = "Trusted only", LandingPageCode = "trusted-only", TrustedDocumentsOnly = true });
            await db.SaveChangesAsync();
        }
        var browser = api.CreateBrowser();
        browser.DefaultRequestHeaders.Add("X-Landing-Key", key);

        var byId = await PostAsync(browser, new { documentId = "sha256:" + TrustedDocumentStore.Hash(submit), variables = new { input = LeadApi.Form(("formToken", api.FormToken(key))) } });
        var other = await PostAsync(browser, new
        {
            query = "mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id } } }",
            variables = new { input = LeadApi.Form(("formToken", api.FormToken(key))) },
        });

        Assert.True(byId["errors"] is null, byId.ToJsonString());
        Assert.Empty(byId["data"]!["submitLead"]!["errors"]!.AsArray());
        Assert.Equal("ACCEPTED", (string?)byId["data"]!["submitLead"]!["receipt"]!["status"]);
        Assert.Equal(TrustedDocumentsValidationRule.ErrorCode, (string?)other["errors"]?[0]?["extensions"]?["code"]);
        Assert.Null(other["data"]);
    }

    private async Task<HttpClient> TrustedOnlyPartnerAsync()
    {
        const string clientId = "partner-trusted-only";
        const string secret = "trusted-only-test-secret";
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var partnerId = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Partners.Select(p => p.Id).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<ClientRegistry>()
                .AddAsync(clientId, ClientKinds.Partner, "Trusted only", partnerId, secret, trustedDocumentsOnly: true);
        }
        return await api.ClientForAsync(clientId, secret: secret);
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
