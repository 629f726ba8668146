namespace Platform.GraphQL.Server.Http;

/// <summary>The media type a GraphQL response is written in; it decides the status code of request errors.</summary>
internal enum ResponseMediaType
{
    /// <summary>The client accepts neither JSON media type (406).</summary>
    None,

    /// <summary><c>application/graphql-response+json</c>: request errors are 4xx.</summary>
    GraphQLResponseJson,

    /// <summary><c>application/json</c> (legacy): well-formed requests always get 200.</summary>
    Json,
}
