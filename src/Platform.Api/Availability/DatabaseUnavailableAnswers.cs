using System.Text.Json;

namespace Platform.Api.Availability;

/// <summary>
/// Answers a failure that escapes the pipeline before any response (an authentication step, the token endpoint, the
/// sign-in pages) with a GraphQL-shaped JSON error instead of an empty 500 or a stack trace: 503
/// <c>SERVICE_UNAVAILABLE</c> with <c>Retry-After</c> when the database is unreachable, else 500
/// <c>INTERNAL_SERVER_ERROR</c> (in Development the developer exception page shows it instead). A cancelled request
/// passes through: the request-timeout middleware outside answers a timeout.
/// </summary>
public static class DatabaseUnavailableAnswers
{
    public const string FaultCode = "INTERNAL_SERVER_ERROR";

    public static IApplicationBuilder UseDatabaseUnavailableAnswers(this IApplicationBuilder app)
    {
        var availability = app.ApplicationServices.GetRequiredService<DatabaseAvailability>();
        var isDevelopment = app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseUnavailableAnswers));
        return app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception exception) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested && availability.ReportFailure(exception))
            {
                http.Response.Clear();
                http.Response.Headers.RetryAfter = availability.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteAsync(http, StatusCodes.Status503ServiceUnavailable, DatabaseAvailability.ErrorCode, availability.UnavailableMessage);
            }
            catch (Exception exception) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested && !isDevelopment)
            {
                logger.LogError(exception, "Request to {Path} failed unexpectedly.", http.Request.Path);
                http.Response.Clear();
                await WriteAsync(http, StatusCodes.Status500InternalServerError, FaultCode, "An unexpected error occurred while processing the request.");
            }
        });
    }

    private static Task WriteAsync(HttpContext http, int statusCode, string code, string message)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code } } } }), http.RequestAborted);
    }
}
