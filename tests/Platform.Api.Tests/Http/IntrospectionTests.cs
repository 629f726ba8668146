using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Http;

/// <summary>The API as `dotnet run` starts it on a developer's machine.</summary>
public sealed class DevelopmentApi() : ApiHost("Sqlite")
{
    protected override void Configure(WebApplicationBuilder builder) => builder.Environment.EnvironmentName = Environments.Development;
}

/// <summary>GraphiQL loads the documented schema with the same introspection query it sends itself.</summary>
public sealed class IntrospectionTests(DevelopmentApi api) : IClassFixture<DevelopmentApi>
{
    // GraphiQL's introspection query: the TypeRef fragment nests ofType seven levels deep.
    private const string IdeIntrospection = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name }
            types { ...FullType }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { name description type { ...TypeRef } } type { ...TypeRef } }
          inputFields { name description type { ...TypeRef } }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description }
          possibleTypes { ...TypeRef }
        }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [Fact]
    public async Task Introspection_InDevelopmentWithoutAToken_ReturnsTheDocumentedSchema()
    {
        var result = await api.PostAsync(api.Anonymous, IdeIntrospection);

        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        var lead = result["data"]!["__schema"]!["types"]!.AsArray().Single(t => (string)t!["name"]! == "Lead")!;
        Assert.False(string.IsNullOrWhiteSpace((string?)lead["description"]));
    }

    [Fact]
    public async Task Query_InDevelopmentWithoutAToken_StillNeedsOne()
    {
        var result = await api.PostAsync(api.Anonymous, "{ leads(first: 1) { totalCount } }");
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }
}
