namespace Platform.Api.Start;

/// <summary>Registers <see cref="FirstAnswer"/> and the middleware that completes it.</summary>
public static class FirstAnswerRegistration
{
    public static IServiceCollection AddFirstAnswer(this IServiceCollection services) => services.AddSingleton<FirstAnswer>();

    /// <summary>Completes <see cref="FirstAnswer"/> after the first answered request outside <c>/health</c>; first in the pipeline, so it sees every answer.</summary>
    public static IApplicationBuilder UseFirstAnswer(this IApplicationBuilder app)
    {
        var first = app.ApplicationServices.GetRequiredService<FirstAnswer>();
        return app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            finally
            {
                // Readiness polls come before the first request and are no reason to start the waiting work.
                if (!first.HasAnswered && !http.Request.Path.StartsWithSegments("/health"))
                    first.Answered();
            }
        });
    }
}
