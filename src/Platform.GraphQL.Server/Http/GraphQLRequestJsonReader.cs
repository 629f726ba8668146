using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace Platform.GraphQL.Server.Http;

/// <summary>
/// Reads a GraphQL request from a JSON object, naming the offending parameter when one has the wrong type. Only
/// variables and extensions go through the GraphQL serializer, which turns them into <see cref="Inputs"/>.
/// </summary>
internal static class GraphQLRequestJsonReader
{
    public static GraphQLHttpError? TryRead(JsonElement json, IGraphQLSerializer serializer, int? batchIndex, out GraphQLRequest request)
    {
        request = new GraphQLRequest();
        if (json.ValueKind != JsonValueKind.Object)
            return GraphQLHttpErrors.NotAnObject(Describe(batchIndex));

        foreach (var property in json.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals("query"))
            {
                if (!TryReadString(value, out var query))
                    return GraphQLHttpErrors.NotAString(Describe(batchIndex), "query");
                request.Query = query;
            }
            else if (property.NameEquals("operationName"))
            {
                if (!TryReadString(value, out var operationName))
                    return GraphQLHttpErrors.NotAString(Describe(batchIndex), "operationName");
                request.OperationName = string.IsNullOrEmpty(operationName) ? null : operationName;
            }
            else if (property.NameEquals("variables"))
            {
                if (!TryReadMap(value, serializer, out var variables))
                    return GraphQLHttpErrors.InvalidVariables(Describe(batchIndex), "must be a JSON object.");
                request.Variables = variables;
            }
            else if (property.NameEquals("extensions"))
            {
                if (!TryReadMap(value, serializer, out var extensions))
                    return GraphQLHttpErrors.InvalidExtensions(Describe(batchIndex), "must be a JSON object.");
                request.Extensions = extensions;
            }
            else if (property.NameEquals("documentId"))
            {
                if (!TryReadString(value, out var documentId))
                    return GraphQLHttpErrors.NotAString(Describe(batchIndex), "documentId");
                request.DocumentId = documentId;
            }
        }

        return request.Query is null && request.DocumentId is null
            ? GraphQLHttpErrors.MissingQuery(Describe(batchIndex))
            : null;
    }

    /// <summary>Reads an optional map parameter: an object, or null meaning absent.</summary>
    public static bool TryReadMap(JsonElement value, IGraphQLSerializer serializer, out Inputs? map)
    {
        map = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                map = serializer.ReadNode<Inputs>(value);
                return true;
            default:
                return false;
        }
    }

    private static bool TryReadString(JsonElement value, out string? text)
    {
        text = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                text = value.GetString();
                return true;
            default:
                return false;
        }
    }

    private static string Describe(int? batchIndex) => batchIndex is { } index ? $"Batch item {index}" : "The request";
}
