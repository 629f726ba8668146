using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Platform.GraphQL.Server.Http;

/// <summary>Content negotiation on the Accept header (RFC 9110 q-values and specificity).</summary>
internal static class AcceptHeader
{
    /// <summary>
    /// Picks the response media type. No Accept header and wildcards (<c>*/*</c>, <c>application/*</c>) mean
    /// application/json, as the GraphQL-over-HTTP spec recommends for clients that name no GraphQL type; a client
    /// that lists application/graphql-response+json gets it unless it prefers application/json by q-value. At equal
    /// q-values the type matched by name beats one matched by a wildcard, and between two named types
    /// application/graphql-response+json wins, whose status codes are trustworthy.
    /// </summary>
    public static ResponseMediaType SelectResponseMediaType(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
            return ResponseMediaType.Json;

        // Fast path for the values GraphQL clients and benchmarks send.
        if (accept.Count == 1)
        {
            var single = accept[0];
            if (string.Equals(single, GraphQLMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
                return ResponseMediaType.GraphQLResponseJson;
            if (single == "*/*" || string.Equals(single, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
                return ResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
            return ResponseMediaType.None;

        var (graphQLResponseQuality, graphQLResponseSpecificity) = QualityOf(ranges, "graphql-response+json");
        var (jsonQuality, _) = QualityOf(ranges, "json");
        if (graphQLResponseQuality <= 0 && jsonQuality <= 0)
            return ResponseMediaType.None;
        if (graphQLResponseQuality != jsonQuality)
            return graphQLResponseQuality > jsonQuality ? ResponseMediaType.GraphQLResponseJson : ResponseMediaType.Json;
        return graphQLResponseSpecificity == ExactMatch ? ResponseMediaType.GraphQLResponseJson : ResponseMediaType.Json;
    }

    /// <summary>True when text/html is listed explicitly (browsers do; API clients sending <c>*/*</c> do not).</summary>
    public static bool AcceptsHtml(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
            return false;
        foreach (var range in ranges)
        {
            if (range.MediaType.Equals(GraphQLMediaTypes.Html, StringComparison.OrdinalIgnoreCase) && (range.Quality ?? 1) > 0)
                return true;
        }
        return false;
    }

    /// <summary>Specificity of a range naming the media type itself (not a wildcard).</summary>
    private const int ExactMatch = 3;

    /// <summary>The q-value and specificity of the most specific range matching <c>application/{subtype}</c>; q 0 when none matches.</summary>
    private static (double Quality, int Specificity) QualityOf(IList<MediaTypeHeaderValue> ranges, string subtype)
    {
        var bestSpecificity = 0;
        double quality = 0;
        foreach (var range in ranges)
        {
            var specificity = Specificity(range, subtype);
            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                quality = range.Quality ?? 1;
            }
        }
        return (quality, bestSpecificity);
    }

    private static int Specificity(MediaTypeHeaderValue range, string subtype)
    {
        if (range.MatchesAllTypes)
            return 1;
        if (!range.Type.Equals("application", StringComparison.OrdinalIgnoreCase))
            return 0;
        if (range.MatchesAllSubTypes)
            return 2;
        return range.SubType.Equals(subtype, StringComparison.OrdinalIgnoreCase) ? ExactMatch : 0;
    }
}
