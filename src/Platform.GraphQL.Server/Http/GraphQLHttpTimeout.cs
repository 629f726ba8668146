using Microsoft.AspNetCore.Http;

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
    public static Task WriteResponseAsync(HttpContext context) =>
        // RequestAborted is the cancelled timeout token here; the write needs its own.
        GraphQLErrorResponse.WriteAsync(context, context.Response.StatusCode, ErrorCode,
            "The request took longer than the server allows and was cancelled; retry later or ask for less.", CancellationToken.None);
}
