using Microsoft.AspNetCore.Http;

namespace Platform.GraphQL.Server.Http;

/// <summary>The transport's error codes and messages, one factory per way a request can be malformed.</summary>
internal static class GraphQLHttpErrors
{
    public static GraphQLHttpError InvalidJson(string detail) =>
        new(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The request body is not valid JSON: {detail}");

    public static GraphQLHttpError NotUtf8() =>
        new(StatusCodes.Status400BadRequest, "INVALID_JSON", "The request body is not valid JSON: it is not UTF-8 text.");

    public static GraphQLHttpError UnpairedSurrogate() =>
        new(StatusCodes.Status400BadRequest, "INVALID_JSON",
            "The request body is not valid JSON text: a string holds an unpaired UTF-16 surrogate escape (such as \\ud800), which is no character.");

    public static GraphQLHttpError JsonTooDeep(string where) =>
        new(StatusCodes.Status400BadRequest, "MAX_DEPTH_EXCEEDED", $"{where} nests JSON arrays and objects deeper than {JsonText.MaxDepth} levels.");

    public static GraphQLHttpError EmptyBody() =>
        new(StatusCodes.Status400BadRequest, "INVALID_JSON", "The request body is empty; expected a JSON object with a 'query'.");

    public static GraphQLHttpError UnreadableBody() =>
        new(StatusCodes.Status400BadRequest, "INVALID_REQUEST_BODY", "The request body could not be read.");

    public static GraphQLHttpError NotAnObject(string where) =>
        new(StatusCodes.Status400BadRequest, "INVALID_REQUEST", $"{where} must be a JSON object with a 'query'.");

    public static GraphQLHttpError EmptyBatch() =>
        new(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "The batch is empty; send at least one request.");

    public static GraphQLHttpError MissingQuery(string where) =>
        new(StatusCodes.Status400BadRequest, "MISSING_QUERY", $"{where} has no 'query' (or 'documentId').");

    public static GraphQLHttpError NotAString(string where, string parameter) =>
        new(StatusCodes.Status400BadRequest, "INVALID_REQUEST", $"{where}: '{parameter}' must be a string.");

    public static GraphQLHttpError RepeatedParameter(string parameter) =>
        new(StatusCodes.Status400BadRequest, "INVALID_REQUEST", $"The query string has '{parameter}' more than once.");

    public static GraphQLHttpError InvalidVariables(string where, string problem) =>
        new(StatusCodes.Status400BadRequest, "INVALID_VARIABLES", $"{where}: 'variables' {problem}");

    public static GraphQLHttpError InvalidExtensions(string where, string problem) =>
        new(StatusCodes.Status400BadRequest, "INVALID_EXTENSIONS", $"{where}: 'extensions' {problem}");

    public static GraphQLHttpError BatchingDisabled() =>
        new(StatusCodes.Status400BadRequest, "BATCHING_DISABLED", "Batched requests (a JSON array) are not enabled on this endpoint; send one JSON object.");

    public static GraphQLHttpError RequestTooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than the {maxBytes} bytes this endpoint accepts.");

    public static GraphQLHttpError UnsupportedMediaType(string? contentType) =>
        new(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
            contentType is null
                ? "A POST request needs 'Content-Type: application/json'."
                : $"Content-Type '{contentType}' is not supported; use 'application/json' (UTF-8).");

    public static GraphQLHttpError MethodNotAllowed() =>
        new(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "GraphQL requests use GET (queries) or POST.");

    public static GraphQLHttpError NotAcceptable() =>
        new(StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
            $"The Accept header allows neither '{GraphQLMediaTypes.GraphQLResponseJson}' nor '{GraphQLMediaTypes.Json}'.");

    public static GraphQLHttpError Internal() =>
        new(StatusCodes.Status500InternalServerError, "INTERNAL_SERVER_ERROR", "An unexpected error occurred while processing the request.");
}
