using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Platform.GraphQL.Server.GraphiQL;

/// <summary>
/// The IDE's static files, embedded in this assembly as <c>GraphiQL/{file}</c>: GraphiQL and React come from npm
/// (committed in GraphiQL/assets/ with their checksums), <c>graphiql-init.js</c> is ours.
/// </summary>
internal static class GraphiQLAssets
{
    /// <summary>The URL segment under the GraphQL endpoint that serves these files.</summary>
    public const string PathSegment = "graphiql";

    public const string React = "react.production.min.js";
    public const string ReactDom = "react-dom.production.min.js";
    public const string GraphiQLScript = "graphiql.min.js";
    public const string GraphiQLStyle = "graphiql.min.css";
    public const string InitScript = "graphiql-init.js";

    /// <summary>The schema's introspection result, when served (<see cref="GraphiQLSchemaEndpoint{TSchema}"/>).</summary>
    public const string Schema = "schema.json";

    private const string ResourcePrefix = "GraphiQL/";

    // Loaded on first use, so hosts that never open the IDE never hold its megabyte in memory.
    private static readonly Lazy<FrozenDictionary<string, GraphiQLAsset>> Assets = new(Load);

    public static GraphiQLAsset? Find(string fileName) => Assets.Value.GetValueOrDefault(fileName);

    /// <summary>The versioned URL of a file, relative to the host root.</summary>
    public static string UrlOf(string endpointPath, string fileName)
    {
        var asset = Find(fileName)
            ?? throw new InvalidOperationException($"The GraphiQL asset '{fileName}' is not embedded; the csproj embeds GraphiQL/assets/.");
        return $"{endpointPath}/{PathSegment}/{fileName}?v={asset.Version}";
    }

    private static FrozenDictionary<string, GraphiQLAsset> Load()
    {
        var assembly = typeof(GraphiQLAssets).Assembly;
        var assets = new Dictionary<string, GraphiQLAsset>(StringComparer.Ordinal);
        foreach (var resourceName in assembly.GetManifestResourceNames())
        {
            if (!resourceName.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                continue;
            using var stream = assembly.GetManifestResourceStream(resourceName)!;
            var content = new byte[stream.Length];
            stream.ReadExactly(content);
            var fileName = resourceName[ResourcePrefix.Length..];
            var version = Convert.ToHexStringLower(SHA256.HashData(content), 0, 8);
            assets[fileName] = new GraphiQLAsset(content, ContentTypeOf(fileName), version);
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string fileName) =>
        fileName.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
}
