using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.GraphQL.Server.Http;
using Platform.GraphQL.Server.Limits;

namespace Platform.Api.Leads;

/// <summary>
/// Form posts (they carry a landing key) are limited per key and per client address: <see cref="LeadOptions.RateLimitPermits"/>
/// per <see cref="LeadOptions.RateLimitWindow"/>, counted by <see cref="IWindowCounters"/> (across nodes with Redis).
/// Staff and integrations authenticate and are not limited here. A refusal is 429 with Retry-After and a GraphQL error.
/// </summary>
public static class FormRateLimit
{
    /// <summary>The error code of a form post refused by the rate limit (429).</summary>
    public const string RateLimitedCode = "RATE_LIMITED";

    public static IApplicationBuilder UseFormRateLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Headers.TryGetValue(LandingKeyService.Header, out var key))
        {
            var settings = http.RequestServices.GetRequiredService<IOptions<LeadOptions>>().Value;
            var counters = http.RequestServices.GetRequiredService<IWindowCounters>();
            var address = "form-ip:" + http.Connection.RemoteIpAddress;
            string[] counted = key.FirstOrDefault() is { Length: > 0 } value ? ["form-key:" + value, address] : [address];
            foreach (var counter in counted)
            {
                var charge = await counters.TryChargeAsync(counter, 1, settings.RateLimitPermits, settings.RateLimitWindow);
                if (!charge.Charged)
                {
                    await RefuseAsync(http, charge.RetryAfter);
                    return;
                }
            }
        }
        await next(http);
    });

    private static Task RefuseAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.RetryAfter = seconds;
        // A form reads the refusal like any other GraphQL error, not as an empty body.
        return GraphQLErrorResponse.WriteAsync(http, StatusCodes.Status429TooManyRequests, RateLimitedCode,
            $"Too many submissions from this form or address; retry in {seconds} s.", http.RequestAborted);
    }
}
