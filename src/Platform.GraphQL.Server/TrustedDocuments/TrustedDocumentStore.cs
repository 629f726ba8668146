using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.PersistedDocuments;

namespace Platform.GraphQL.Server.TrustedDocuments;

/// <summary>
/// Trusted documents (https://benjie.dev/graphql/trusted-documents): the <c>*.graphql</c> files of a folder, each
/// registered by the SHA-256 of its text as <c>sha256:&lt;hex&gt;</c>. Serves requests that send a <c>documentId</c>
/// instead of a query, and tells whether a query text is one of them.
/// </summary>
public sealed class TrustedDocumentStore : IPersistedDocumentLoader
{
    private readonly Dictionary<string, string> _byHash;

    public TrustedDocumentStore(TrustedDocumentsDirectory source)
    {
        var directory = source.Path;
        _byHash = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.graphql").Select(File.ReadAllText).ToDictionary(Hash)
            : [];
    }

    /// <summary>The registered ids, <c>sha256:&lt;hex&gt;</c>.</summary>
    public IEnumerable<string> DocumentIds => _byHash.Keys.Select(hash => "sha256:" + hash);

    public static string Hash(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public bool IsTrusted(string document) => _byHash.ContainsKey(Hash(document));

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        new(documentIdPrefix == "sha256" && _byHash.TryGetValue(documentIdPayload, out var document) ? document : null);
}

/// <summary>The folder <see cref="TrustedDocumentStore"/> reads its documents from.</summary>
public sealed record TrustedDocumentsDirectory(string Path);
