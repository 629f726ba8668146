using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Platform.GraphQL.Server.GraphiQL;

/// <summary>
/// Serves the schema's introspection result (the <c>data</c> of GraphiQL's own introspection query) for GraphiQL to
/// build its docs and completion from without a token, when <c>GraphiQLSchemaWithoutToken</c> is on. Computed once,
/// outside the endpoint's rules: it is the schema as published, not a query anyone can shape.
/// </summary>
internal sealed class GraphiQLSchemaEndpoint<TSchema>
    where TSchema : ISchema
{
    // graphql-js's getIntrospectionQuery() with descriptions, as GraphiQL sends it itself.
    private const string IntrospectionQuery = """
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

    private byte[]? _json;

    public async Task HandleAsync(HttpContext context)
    {
        var json = _json ??= await IntrospectAsync(context);
        var response = context.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        response.Headers.CacheControl = "no-cache";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        await response.Body.WriteAsync(json, context.RequestAborted);
    }

    private static async Task<byte[]> IntrospectAsync(HttpContext context)
    {
        var services = context.RequestServices;
        // A plain executer: none of the host's rules (authorization, limits) apply to this fixed query.
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = services.GetRequiredService<TSchema>(),
            Query = IntrospectionQuery,
            RequestServices = services,
            CancellationToken = context.RequestAborted,
        });
        if (result.Errors is { Count: > 0 } errors)
            throw new InvalidOperationException($"The schema's introspection failed: {errors[0].Message}");
        using var body = new MemoryStream();
        await services.GetRequiredService<IGraphQLSerializer>().WriteAsync(body, result, context.RequestAborted);
        return body.ToArray();
    }
}
