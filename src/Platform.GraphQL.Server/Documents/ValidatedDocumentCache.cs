using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace Platform.GraphQL.Server.Documents;

/// <summary>
/// Keeps the parsed form of documents that passed validation, keyed by their text, so a repeated document (a
/// landing page's <c>submitLead</c>, a BI tool's report) is neither parsed nor fully validated again. A cached
/// document still runs the rules registered with <c>useForCachedDocuments</c> — those that depend on the caller or
/// the variables (authorization, limits and cost, trusted documents) — and its variables are still coerced and
/// checked. Bounded by the total length of the cached texts; invalid documents are never cached.
/// </summary>
public sealed class ValidatedDocumentCache(long maxTotalQueryLength = ValidatedDocumentCache.DefaultMaxTotalQueryLength) : IConfigureExecution, IDisposable
{
    /// <summary>About 1 MB of query text (the parsed documents take several times that).</summary>
    public const long DefaultMaxTotalQueryLength = 1_000_000;

    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = maxTotalQueryLength });

    /// <summary>Documents currently cached.</summary>
    public int Count => _documents.Count;

    /// <summary>After the trusted-document lookup (which turns a document id into its text), before execution.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
            return await next(options);

        var cached = _documents.Get<GraphQLDocument>(query);
        if (cached is not null)
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }
        var result = await next(options);
        if (cached is null && result.Executed && result.Document is { } validated)
            _documents.Set(query, validated, new MemoryCacheEntryOptions { Size = query.Length });
        return result;
    }

    public void Dispose() => _documents.Dispose();
}
