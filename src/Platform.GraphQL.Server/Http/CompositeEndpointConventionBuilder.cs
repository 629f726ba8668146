using Microsoft.AspNetCore.Builder;

namespace Platform.GraphQL.Server.Http;

/// <summary>Applies conventions (authorization, CORS, rate limiting...) to every endpoint one <c>MapGraphQLHttp</c> call maps.</summary>
internal sealed class CompositeEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
            builder.Add(convention);
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in builders)
            builder.Finally(finallyConvention);
    }
}
