using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;

namespace Platform.Api.Tests.Http;

/// <summary>The API as `dotnet run` starts it on a developer's machine.</summary>
public sealed class DevelopmentApi() : ApiHost("Sqlite")
{
    protected override void Configure(WebApplicationBuilder builder) => builder.Environment.EnvironmentName = Environments.Development;
}

/// <summary>Introspection queries, their depth limit and who may send them.</summary>
internal static class Introspection
{
    /// <summary>GraphiQL 3.9's introspection query (graphql-js's, descriptions on): TypeRef nests ofType nine levels deep.</summary>
    public const string GraphiQLQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
            ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        }
        """;

    /// <summary><c>__type</c> with ofType nested so that the innermost <c>name</c> is <paramref name="depth"/> levels deep (<c>__type</c> is 1).</summary>
    public static string OfTypeNested(int depth) =>
        "{ __type(name: \"Lead\") { " + string.Concat(Enumerable.Repeat("ofType { ", depth - 2)) + "name" + new string('}', depth - 2) + " } }";

    public static async Task<(HttpStatusCode Status, JsonObject Json)> PostAsync(HttpClient client, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public static string? FirstCode(JsonObject json) => (string?)json["errors"]?[0]?["extensions"]?["code"];

    public static IEnumerable<string?> Codes(JsonObject json) => json["errors"]!.AsArray().Select(e => (string?)e!["extensions"]?["code"]);
}

/// <summary>In Development any token may introspect (GraphiQL with a token pasted in its Headers pane), no caller without one.</summary>
public sealed class IntrospectionTests(DevelopmentApi api) : IClassFixture<DevelopmentApi>
{
    [Fact]
    public async Task GraphiQLIntrospection_WithAnyToken_ReturnsTheDocumentedSchema()
    {
        var landing = await api.ClientForAsync(DemoClients.Landing);

        var (status, json) = await Introspection.PostAsync(landing, Introspection.GraphiQLQuery);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(json["errors"] is null, json["errors"]?.ToJsonString());
        var lead = json["data"]!["__schema"]!["types"]!.AsArray().Single(t => (string)t!["name"]! == "Lead")!;
        Assert.False(string.IsNullOrWhiteSpace((string?)lead["description"]));
    }

    [Fact]
    public async Task Introspection_WithoutAToken_Is401SayingATokenIsNeeded()
    {
        var (status, json) = await Introspection.PostAsync(api.Anonymous, Introspection.GraphiQLQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", Introspection.FirstCode(json));
        Assert.Contains("Introspection", (string)json["errors"]![0]!["message"]!);
        Assert.Null(json["data"]);
    }

    [Fact]
    public async Task SchemaNestedThirtyDeep_WithoutAToken_IsRefused()
    {
        var query = "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", 14)) + "name" + new string('}', 28) + " } } }";

        var (status, json) = await Introspection.PostAsync(api.Anonymous, query);

        // Refused as it is parsed, before anyone is asked who sent it.
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["MAX_INTROSPECTION_DEPTH_EXCEEDED"], Introspection.Codes(json));
        Assert.Null(json["data"]);
    }

    [Fact]
    public async Task Depth_AtTheIntrospectionLimitRuns_OneMoreIsRefused()
    {
        var (atLimit, atLimitJson) = await Introspection.PostAsync(api.Client, Introspection.OfTypeNested(15));
        Assert.Equal(HttpStatusCode.OK, atLimit);
        Assert.Null(atLimitJson["errors"]);

        var (over, overJson) = await Introspection.PostAsync(api.Client, Introspection.OfTypeNested(16));
        Assert.Equal(HttpStatusCode.BadRequest, over);
        Assert.Equal("MAX_INTROSPECTION_DEPTH_EXCEEDED", Introspection.FirstCode(overJson));
    }

    [Fact]
    public async Task OfTypeNestedSixty_Is400NotAServerError()
    {
        var (status, json) = await Introspection.PostAsync(api.Client, Introspection.OfTypeNested(62));

        // Nested past LimitedDocumentBuilder.MaxNesting: refused while the tokens are counted, before any parse.
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MAX_DEPTH_EXCEEDED", Introspection.FirstCode(json));
        Assert.Null(json["data"]);
    }

    [Fact]
    public async Task TypeLists_TwoNestedRun_ThreeAreRefused()
    {
        const string two = "{ __schema { types { fields { type { fields { name } } } } } }";
        const string three = "{ __schema { types { fields { type { fields { type { interfaces { name } } } } } } } }";

        var (twoStatus, twoJson) = await Introspection.PostAsync(api.Client, two);
        Assert.Equal(HttpStatusCode.OK, twoStatus);
        Assert.Null(twoJson["errors"]);
        var (threeStatus, threeJson) = await Introspection.PostAsync(api.Client, three);
        Assert.Equal(HttpStatusCode.BadRequest, threeStatus);
        Assert.Equal("MAX_INTROSPECTION_DEPTH_EXCEEDED", Introspection.FirstCode(threeJson));
    }

    [Fact]
    public async Task IntrospectionDepthThroughFragments_IsCounted()
    {
        var fragments = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $" fragment T{i} on __Type {{ ofType {{ ofType {{ ofType {{ {(i < 6 ? $"...T{i + 1}" : "name")} }} }} }} }}"));

        var (status, json) = await Introspection.PostAsync(api.Client, "{ __type(name: \"Lead\") { ...T1 } }" + fragments);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MAX_INTROSPECTION_DEPTH_EXCEEDED", Introspection.FirstCode(json));
    }

    [Fact]
    public async Task GraphiQL_GetsThePublishedSchemaWithoutAToken()
    {
        using var schema = await api.Anonymous.GetAsync("/graphql/graphiql/schema.json");

        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        var json = JsonNode.Parse(await schema.Content.ReadAsStringAsync())!;
        var lead = json["data"]!["__schema"]!["types"]!.AsArray().Single(t => (string)t!["name"]! == "Lead")!;
        Assert.False(string.IsNullOrWhiteSpace((string?)lead["description"]));
    }

    [Fact]
    public async Task Query_InDevelopmentWithoutAToken_StillNeedsOne()
    {
        var result = await api.PostAsync(api.Anonymous, "{ leads(first: 1) { totalCount } }");
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }
}

/// <summary>In Production introspection is for staff: refused without a token, and for other tokens.</summary>
public sealed class ProductionIntrospectionTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    [Fact]
    public async Task Introspection_WithoutAToken_Is401()
    {
        var (status, json) = await Introspection.PostAsync(api.Anonymous, Introspection.GraphiQLQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", Introspection.FirstCode(json));
    }

    [Fact]
    public async Task OfTypeNestedSixty_Is400NotAServerError()
    {
        var (status, json) = await Introspection.PostAsync(api.Client, Introspection.OfTypeNested(62));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["MAX_DEPTH_EXCEEDED"], Introspection.Codes(json));
        Assert.Null(json["data"]);
    }

    [Fact]
    public async Task GraphiQL_ServesNoSchemaWithoutAToken()
    {
        using var schema = await api.Anonymous.GetAsync("/graphql/graphiql/schema.json");

        Assert.Equal(HttpStatusCode.NotFound, schema.StatusCode);
    }
}
