using GraphQL.Transport;

namespace Platform.GraphQL.Server.Http;

/// <summary>What an HTTP request carried: one GraphQL request, a batch, or the reason it was rejected.</summary>
internal readonly struct GraphQLRequestParseResult
{
    private GraphQLRequestParseResult(GraphQLRequest? single, GraphQLRequest[]? batch, GraphQLHttpError? error)
    {
        Single = single;
        Batch = batch;
        Error = error;
    }

    public GraphQLRequest? Single { get; }

    public GraphQLRequest[]? Batch { get; }

    public GraphQLHttpError? Error { get; }

    public static GraphQLRequestParseResult Of(GraphQLRequest request) => new(request, null, null);

    public static GraphQLRequestParseResult Of(GraphQLRequest[] batch) => new(null, batch, null);

    public static implicit operator GraphQLRequestParseResult(GraphQLHttpError error) => new(null, null, error);
}
