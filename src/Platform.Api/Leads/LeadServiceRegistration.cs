using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Api.Leads.Conversion;
using Platform.Api.Leads.FormTokens;
using Platform.Api.Leads.Spool;
using Platform.Api.Leads.Submission;
using Platform.GraphQL.Server.Http;

namespace Platform.Api.Leads;

/// <summary>Services of the Leads feature.</summary>
public static class LeadServiceRegistration
{
    /// <summary>The error code of a form post refused by the rate limit (429).</summary>
    public const string RateLimitedCode = "RATE_LIMITED";

    public static IServiceCollection AddLeads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LeadOptions>().Bind(configuration.GetSection(LeadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ContactNormalizer>();
        services.AddSingleton<SubmissionValidator>();
        services.AddScoped<LandingKeyService>();
        services.AddSingleton<KnownLandingKeys>();
        services.AddScoped<LandingKeyRegistry>();
        services.AddScoped<LeadRouting>();
        services.AddScoped<LeadSubmissionService>();
        services.AddSingleton<LeadIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<LeadIntake>());
        services.AddScoped<LeadConversionService>();
        // Opened when first resolved (its file is created then), not at start-up.
        services.AddOptions<SpoolOptions>().Bind(configuration.GetSection(SpoolOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubmissionSpool>();
        services.AddHostedService<SpoolDrain>();
        services.AddSingleton<UsedFormTokenSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<UsedFormTokenSweep>());
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var when = "later";
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    http.Response.Headers.RetryAfter = seconds;
                    when = $"in {seconds} s";
                }
                // A form reads the refusal like any other GraphQL error, not as an empty body.
                await GraphQLErrorResponse.WriteAsync(http, StatusCodes.Status429TooManyRequests, RateLimitedCode,
                    $"Too many submissions from this form or address; retry {when}.", ct);
            };
            // Form posts (they carry a landing key) are limited per key and per client address;
            // staff and integrations authenticate and are not limited here.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partition(http => http.Request.Headers[LandingKeyService.Header].FirstOrDefault() is { Length: > 0 } key ? "key:" + key : null),
                Partition(http => http.Request.Headers.ContainsKey(LandingKeyService.Header) ? "ip:" + http.Connection.RemoteIpAddress : null));
        });
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> Partition(Func<HttpContext, string?> keyOf) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (keyOf(http) is not { } key)
                return RateLimitPartition.GetNoLimiter("");
            var settings = http.RequestServices.GetRequiredService<IOptions<LeadOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.RateLimitPermits, Window = settings.RateLimitWindow });
        });
}
