namespace Platform.GraphQL.Server.GraphiQL;

/// <summary>One static file of the IDE; <paramref name="Version"/> is a content hash put in its URL so it can be cached forever.</summary>
internal sealed record GraphiQLAsset(byte[] Content, string ContentType, string Version);
