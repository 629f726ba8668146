using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Platform.GraphQL.Server.Http;

/// <summary>Reads the GraphQL request (or batch) from a POST body of media type application/json.</summary>
internal static class GraphQLPostRequestParser
{
    public static async ValueTask<GraphQLRequestParseResult> ParseAsync(
        HttpRequest request, GraphQLHttpOptions options, IGraphQLSerializer serializer, CancellationToken cancellationToken)
    {
        if (!IsUtf8Json(request.ContentType))
            return GraphQLHttpErrors.UnsupportedMediaType(request.ContentType);

        PooledRequestBody? body;
        try
        {
            body = await RequestBodyReader.ReadAsync(request, options.MaxRequestBytes, cancellationToken);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own body limits and malformed framing surface here.
            return exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? GraphQLHttpErrors.RequestTooLarge(options.MaxRequestBytes)
                : GraphQLHttpErrors.UnreadableBody();
        }

        if (body is not { } pooled)
            return GraphQLHttpErrors.RequestTooLarge(options.MaxRequestBytes);
        using (pooled)
            return Parse(pooled.Memory, options.EnableBatching, serializer);
    }

    private static GraphQLRequestParseResult Parse(ReadOnlyMemory<byte> json, bool enableBatching, IGraphQLSerializer serializer)
    {
        if (json.Span.StartsWith("\uFEFF"u8))
            json = json[3..];
        if (json.IsEmpty)
            return GraphQLHttpErrors.EmptyBody();

        // JsonDocument checks the grammar, not the encoding of string contents; reading them later would fault.
        if (!Utf8.IsValid(json.Span))
            return GraphQLHttpErrors.NotUtf8();

        JsonDocument document;
        try
        {
            // Parses in place over the pooled body: no second copy of the bytes.
            document = JsonDocument.Parse(json, JsonText.DocumentOptions);
        }
        catch (JsonException exception)
        {
            return JsonText.IsTooDeep(json.Span) ? GraphQLHttpErrors.JsonTooDeep("The request body") : GraphQLHttpErrors.InvalidJson(exception.Message);
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement, enableBatching, serializer);
            }
            catch (Exception exception) when (exception is InvalidOperationException or JsonException && JsonText.HasUnreadableString(json.Span))
            {
                return GraphQLHttpErrors.UnpairedSurrogate();
            }
        }
    }

    private static GraphQLRequestParseResult Read(JsonElement root, bool enableBatching, IGraphQLSerializer serializer)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return GraphQLRequestJsonReader.TryRead(root, serializer, batchIndex: null, out var request) is { } error
                ? error
                : GraphQLRequestParseResult.Of(request);
        }

        if (!enableBatching)
            return GraphQLHttpErrors.BatchingDisabled();
        var count = root.GetArrayLength();
        if (count == 0)
            return GraphQLHttpErrors.EmptyBatch();

        var batch = new GraphQLRequest[count];
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            if (GraphQLRequestJsonReader.TryRead(item, serializer, index, out batch[index]) is { } error)
                return error;
            index++;
        }
        return GraphQLRequestParseResult.Of(batch);
    }

    private static bool IsUtf8Json(string? contentType)
    {
        if (string.Equals(contentType, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            return true;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The spec requires UTF-8 and lets it be assumed when no charset is given.
        var charset = HeaderUtilities.RemoveQuotes(parsed.Charset);
        return charset.Length == 0
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
