using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace Platform.GraphQL.Server.Http;

/// <summary>Reads a GraphQL request from the query string of a GET request; variables and extensions are JSON-encoded.</summary>
internal static class GraphQLGetRequestParser
{
    private const string Where = "The query string";

    public static GraphQLRequestParseResult Parse(IQueryCollection query, IGraphQLSerializer serializer)
    {
        GraphQLHttpError? error = null;
        var document = Get(query, "query", ref error);
        var operationName = Get(query, "operationName", ref error);
        var documentId = Get(query, "documentId", ref error);
        var variablesJson = Get(query, "variables", ref error);
        var extensionsJson = Get(query, "extensions", ref error);
        if (error is not null)
            return error;

        if (document is null && documentId is null)
            return GraphQLHttpErrors.MissingQuery(Where);

        var request = new GraphQLRequest
        {
            Query = document,
            DocumentId = documentId,
            // The spec: an empty operationName is the same as none.
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
        };
        if (variablesJson is not null)
        {
            if (!TryReadJsonMap(variablesJson, serializer, out var variables, out var problem))
                return JsonText.IsTooDeep(Encoding.UTF8.GetBytes(variablesJson)) ? GraphQLHttpErrors.JsonTooDeep($"{Where}'s 'variables'") : GraphQLHttpErrors.InvalidVariables(Where, problem);
            request.Variables = variables;
        }
        if (extensionsJson is not null)
        {
            if (!TryReadJsonMap(extensionsJson, serializer, out var extensions, out var problem))
                return GraphQLHttpErrors.InvalidExtensions(Where, problem);
            request.Extensions = extensions;
        }
        return GraphQLRequestParseResult.Of(request);
    }

    /// <summary>Reads a parameter given at most once; a repeated one is ambiguous and recorded in <paramref name="error"/>.</summary>
    private static string? Get(IQueryCollection query, string name, ref GraphQLHttpError? error)
    {
        var values = query[name];
        if (values.Count > 1)
            error ??= GraphQLHttpErrors.RepeatedParameter(name);
        return values.Count == 0 ? null : values[0];
    }

    private static bool TryReadJsonMap(string json, IGraphQLSerializer serializer, out Inputs? map, out string problem)
    {
        problem = "must be a JSON-encoded object.";
        map = null;
        try
        {
            using var document = JsonDocument.Parse(json, JsonText.DocumentOptions);
            return GraphQLRequestJsonReader.TryReadMap(document.RootElement, serializer, out map);
        }
        catch (JsonException exception)
        {
            problem = $"is not valid JSON: {exception.Message}";
            return false;
        }
    }
}
