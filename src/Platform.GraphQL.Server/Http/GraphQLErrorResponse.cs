using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.GraphQL.Server.Http;

/// <summary>
/// Writes a request error in the GraphQL response shape, <c>{"errors":[{"message":…,"extensions":{"code":…}}]}</c>,
/// for middleware that answers before the GraphQL endpoint runs (a rate limiter, say), so clients read every refusal
/// of the endpoint's URL the same way.
/// </summary>
public static class GraphQLErrorResponse
{
    /// <summary>
    /// Sets <paramref name="statusCode"/> and writes the error in the media type the endpoint would answer with
    /// (<c>application/json</c> when the request's Accept header names no GraphQL type, or allows neither).
    /// </summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, string code, string message, CancellationToken cancellationToken = default)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = AcceptHeader.SelectResponseMediaType(context.Request.Headers.Accept) == ResponseMediaType.GraphQLResponseJson
            ? GraphQLMediaTypes.GraphQLResponseJsonUtf8
            : GraphQLMediaTypes.JsonUtf8;

        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteStartArray("errors");
        json.WriteStartObject();
        json.WriteString("message", message);
        json.WriteStartObject("extensions");
        json.WriteString("code", code);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
