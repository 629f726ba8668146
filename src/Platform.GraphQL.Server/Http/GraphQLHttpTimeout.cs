using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.GraphQL.Server.Http;

/// <summary>
/// The answer to a request the ASP.NET Core request-timeout middleware cancelled: a GraphQL-shaped error with code
/// <see cref="ErrorCode"/> instead of an empty body. Use it as the policy's <c>WriteTimeoutResponse</c>; the middleware
/// sets the status (504 unless the policy says otherwise) and calls it only while the client is still there.
/// </summary>
public static class GraphQLHttpTimeout
{
    public const string ErrorCode = "TIMEOUT";

    /// <summary>Writes the error in the media type the request accepts (<c>application/json</c> when it accepts neither).</summary>
    public static Task WriteResponseAsync(HttpContext context)
    {
        var mediaType = AcceptHeader.SelectResponseMediaType(context.Request.Headers.Accept);
        if (mediaType == ResponseMediaType.None)
            mediaType = ResponseMediaType.Json;
        var error = new ExecutionError("The request took longer than the server allows and was cancelled; retry later or ask for less.") { Code = ErrorCode };
        context.Response.ContentType = GraphQLMediaTypes.ContentTypeOf(mediaType);
        // RequestAborted is the cancelled timeout token here; the write needs its own.
        return context.RequestServices.GetRequiredService<IGraphQLSerializer>().WriteAsync(context.Response.Body, new ExecutionResult(error), CancellationToken.None);
    }
}
