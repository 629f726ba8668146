namespace Platform.GraphQL.Server.Http;

/// <summary>Media types of the GraphQL over HTTP specification and the Content-Type values written for them.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";

    public const string GraphQLResponseJsonUtf8 = "application/graphql-response+json; charset=utf-8";
    public const string JsonUtf8 = "application/json; charset=utf-8";

    public static string ContentTypeOf(ResponseMediaType mediaType) =>
        mediaType == ResponseMediaType.GraphQLResponseJson ? GraphQLResponseJsonUtf8 : JsonUtf8;
}
