using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Platform.GraphQL.Server.Http;

/// <summary>Content negotiation on the Accept header (RFC 9110 q-values and specificity).</summary>
internal static class AcceptHeader
{
    /// <summary>
    /// Picks the response media type. No Accept header means application/graphql-response+json: the spec's default
    /// since its 2025-01-01 watershed. A wildcard (<c>*/*</c>, <c>application/*</c>) states no preference between the
    /// two JSON types, so ties also go to application/graphql-response+json, whose status codes are trustworthy;
    /// legacy clients that need application/json ask for it explicitly (or with a higher q).
    /// </summary>
    public static ResponseMediaType SelectResponseMediaType(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
            return ResponseMediaType.GraphQLResponseJson;

        // Fast path for the values GraphQL clients and benchmarks send.
        if (accept.Count == 1)
        {
            var single = accept[0];
            if (string.Equals(single, GraphQLMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase) || single == "*/*")
                return ResponseMediaType.GraphQLResponseJson;
            if (string.Equals(single, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
                return ResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
            return ResponseMediaType.None;

        var graphQLResponseQuality = QualityOf(ranges, "graphql-response+json");
        var jsonQuality = QualityOf(ranges, "json");
        if (graphQLResponseQuality <= 0 && jsonQuality <= 0)
            return ResponseMediaType.None;
        return graphQLResponseQuality >= jsonQuality ? ResponseMediaType.GraphQLResponseJson : ResponseMediaType.Json;
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

    /// <summary>The q-value of the most specific range matching <c>application/{subtype}</c>; 0 when none matches.</summary>
    private static double QualityOf(IList<MediaTypeHeaderValue> ranges, string subtype)
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
        return quality;
    }

    private static int Specificity(MediaTypeHeaderValue range, string subtype)
    {
        if (range.MatchesAllTypes)
            return 1;
        if (!range.Type.Equals("application", StringComparison.OrdinalIgnoreCase))
            return 0;
        if (range.MatchesAllSubTypes)
            return 2;
        return range.SubType.Equals(subtype, StringComparison.OrdinalIgnoreCase) ? 3 : 0;
    }
}
