using GraphQL;

namespace Platform.GraphQL.Server.Http;

/// <summary>A request rejected by the transport before GraphQL saw it; the status code holds whatever the media type.</summary>
internal sealed class GraphQLHttpError : ExecutionError
{
    public GraphQLHttpError(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }
}
