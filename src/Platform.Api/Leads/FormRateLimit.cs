using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.GraphQL.Server.Http;
using Platform.GraphQL.Server.Limits;

namespace Platform.Api.Leads;

/// <summary>
/// Form posts (they carry a landing key) are limited per key and per client address: <see cref="LeadOptions.RateLimitPermits"/>
/// per <see cref="LeadOptions.RateLimitWindow"/>, counted by <see cref="IWindowCounters"/> (across nodes with Redis).
/// Staff and integrations authenticate and are not limited here. A refusal is 429 with Retry-After and a GraphQL error.
/// A GraphQL post of a known caller (a usable key, or a token) leaves its counts to its operation, which charges them
/// with its cost budget in one call (<see cref="CountsWithOperation"/>), so a shared store is asked once and a refused
/// operation runs nothing; a post that never reaches an operation (a malformed body) is counted after its answer. Any
/// other post is charged here, before anything else is done.
/// </summary>
public static class FormRateLimit
{
    /// <summary>The error code of a form post refused by the rate limit (429).</summary>
    public const string RateLimitedCode = "RATE_LIMITED";

    public static IApplicationBuilder UseFormRateLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Headers.TryGetValue(LandingKeyService.Header, out var key))
        {
            await next(http);
            return;
        }
        var settings = http.RequestServices.GetRequiredService<IOptions<LeadOptions>>().Value;
        var counters = http.RequestServices.GetRequiredService<IWindowCounters>();
        var address = new WindowCount("form-ip:" + http.Connection.RemoteIpAddress, 1, settings.RateLimitPermits, settings.RateLimitWindow);
        WindowCount[] counts = key.FirstOrDefault() is { Length: > 0 } value
            ? [new("form-key:" + value, 1, settings.RateLimitPermits, settings.RateLimitWindow), address]
            : [address];

        if (http.User.Identity?.IsAuthenticated == true && http.Request.Path.StartsWithSegments("/graphql") && !http.WebSockets.IsWebSocketRequest)
        {
            var deferred = http.RequestServices.GetRequiredService<CountsWithOperation>();
            deferred.Defer(counts, (context, retryAfter) => new FormRateLimitedError(context, retryAfter));
            await next(http);
            if (!deferred.Taken)
                await counters.TryChargeAsync(counts);
            return;
        }
        if (await counters.TryChargeAsync(counts) is { Charged: false } refused)
        {
            await RefuseAsync(http, refused.RetryAfter);
            return;
        }
        await next(http);
    });

    /// <summary>Whole seconds until the refusing window ends (at least one).</summary>
    internal static int SecondsOf(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    internal static string MessageFor(int seconds) => $"Too many submissions from this form or address; retry in {seconds} s.";

    private static Task RefuseAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = SecondsOf(retryAfter);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // A form reads the refusal like any other GraphQL error, not as an empty body.
        return GraphQLErrorResponse.WriteAsync(http, StatusCodes.Status429TooManyRequests, RateLimitedCode, MessageFor(seconds), http.RequestAborted);
    }
}
