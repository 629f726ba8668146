using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Tests.Security;

/// <summary>A caller with only a publishable landing key may submit leads and nothing else.</summary>
public sealed class LandingKeyAccessTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    /// <summary>What a landing page reads back (as examples/landing-page does).</summary>
    private const string Submit = """
        mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id status firstResponseDueAt } repeatTouch errors { ... on Error { code } } } }
        """;

    [Fact]
    public async Task LandingKey_SubmitsALead()
    {
        var (status, body) = await PostAsync(Submit, new { input = api.LandingForm() }, DemoDataset.DemoLandingKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["errors"]);
        Assert.Empty(body["data"]!["submitLead"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task LandingKey_CannotReadOrRunOtherMutations()
    {
        var (_, read) = await PostAsync("{ leads(first: 1) { totalCount } }", null, DemoDataset.DemoLandingKey);
        var (_, write) = await PostAsync("""mutation { setLeadTemperature(input: { leadId: "TGVhZDox", temperature: HOT }) { lead { id } } }""", null, DemoDataset.DemoLandingKey);

        Assert.Equal("ACCESS_DENIED", (string?)read["errors"]?[0]?["extensions"]?["code"]);
        Assert.Equal("ACCESS_DENIED", (string?)write["errors"]?[0]?["extensions"]?["code"]);
    }

    [Fact]
    public async Task LandingKey_CannotReadBackContactDataOrOwner()
    {
        // A repeat submission returns the existing lead: its contact data must not reach a public key's holder.
        var form = api.LandingForm();
        await PostAsync(Submit, new { input = form }, DemoDataset.DemoLandingKey);

        var (_, body) = await PostAsync(LeadApi.SubmitMutation, new { input = api.LandingForm(("phone", form["phone"])) }, DemoDataset.DemoLandingKey);

        Assert.Equal("ACCESS_DENIED", (string?)body["errors"]?[0]?["extensions"]?["code"]);
        Assert.Null(body["data"]);
    }

    [Theory]
    [InlineData("lk_unknown")]
    [InlineData(null)]
    public async Task UnknownOrMissingKeyWithoutToken_Is401(string? key)
    {
        var (status, _) = await PostAsync(Submit, new { input = LeadApi.Form() }, key);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string query, object? variables, string? landingKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (landingKey is not null)
            request.Headers.Add("X-Landing-Key", landingKey);
        using var response = await api.Anonymous.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
