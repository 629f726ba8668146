using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.GraphQL.Server.GraphiQL;
using Platform.GraphQL.Server.Telemetry;

namespace Platform.GraphQL.Server.Http;

/// <summary>Maps the GraphQL-over-HTTP endpoint (and GraphiQL) for a schema registered with GraphQL.MicrosoftDI.</summary>
public static class GraphQLHttpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GET and POST GraphQL requests at <paramref name="pattern"/> and, when enabled, the GraphiQL IDE and its
    /// assets under <c>{pattern}/graphiql/</c>. Conventions added to the returned builder apply to all of them.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLHttp<TSchema>(
        this IEndpointRouteBuilder endpoints,
        string pattern = "/graphql",
        Action<GraphQLHttpOptions>? configure = null)
        where TSchema : ISchema
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);

        var options = new GraphQLHttpOptions();
        configure?.Invoke(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRequestBytes, nameof(GraphQLHttpOptions.MaxRequestBytes));

        // Fail at start-up rather than on the first request when the schema was never registered.
        var services = endpoints.ServiceProvider;
        if (services.GetService<IServiceProviderIsService>() is { } isService
            && !isService.IsService(typeof(IDocumentExecuter<TSchema>)))
        {
            throw new InvalidOperationException(
                $"IDocumentExecuter<{typeof(TSchema).Name}> is not registered; call services.AddGraphQL(b => b.AddSchema<{typeof(TSchema).Name}>()...) first.");
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLHttpEndpoint<>).Namespace + ".GraphQLHttpEndpoint");
        var endpoint = new GraphQLHttpEndpoint<TSchema>(options, logger, new OperationTelemetry(services.GetRequiredService<IMeterFactory>()));
        // RequestDelegate overloads: plain endpoints, no minimal-API binding generated around them.
        var graphql = endpoints.Map(pattern, (RequestDelegate)endpoint.HandleAsync).WithDisplayName($"GraphQL {pattern}");
        if (!options.EnableGraphiQL)
            return graphql;

        var assetPath = $"{pattern.TrimEnd('/')}/{GraphiQLAssets.PathSegment}";
        var assets = endpoints
            .MapGet($"{assetPath}/{{file}}", (RequestDelegate)GraphiQLAssetEndpoint.HandleAsync)
            .WithDisplayName($"GraphiQL assets {pattern}");
        if (!options.GraphiQLSchemaWithoutToken)
            return new CompositeEndpointConventionBuilder([graphql, assets]);

        var schema = endpoints
            .MapGet($"{assetPath}/{GraphiQLAssets.Schema}", (RequestDelegate)new GraphiQLSchemaEndpoint<TSchema>().HandleAsync)
            .WithDisplayName($"GraphiQL schema {pattern}");
        return new CompositeEndpointConventionBuilder([graphql, assets, schema]);
    }
}
