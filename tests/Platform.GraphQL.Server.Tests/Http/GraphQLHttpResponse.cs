using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.GraphQL.Server.Tests.Http;

/// <summary>A buffered response with the parts the tests assert on.</summary>
public sealed record GraphQLHttpResponse(HttpStatusCode StatusCode, MediaTypeHeaderValue? ContentType, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Text)
{
    public string? MediaType => ContentType?.MediaType;

    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    /// <summary><c>errors[0].extensions.code</c> of a single result.</summary>
    public string? ErrorCode => ErrorAt(Json, 0).GetProperty("extensions").GetProperty("code").GetString();

    public string? ErrorMessage => ErrorAt(Json, 0).GetProperty("message").GetString();

    public static JsonElement ErrorAt(JsonElement result, int index) => result.GetProperty("errors")[index];

    public static async Task<GraphQLHttpResponse> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Content.Headers.ContentType, response.Headers, response.Content.Headers, await response.Content.ReadAsStringAsync());
}
