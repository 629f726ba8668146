using Platform.Api.GraphQL;

namespace Platform.Api.Deployment;

/// <summary>
/// Builds the GraphQL schema beside the start-up's own work (the database check builds the EF Core model meanwhile), where
/// the first request would otherwise build it while its caller waits. A request that comes sooner waits for it on the
/// schema's own lock, as if it had started building it itself.
/// </summary>
internal static class StartupWarmup
{
    /// <summary>Starts building in the background; call once the app is built, before the database is prepared.</summary>
    public static void Begin(WebApplication app) => _ = Task.Run(() =>
    {
        try
        {
            app.Services.GetRequiredService<PlatformSchema>().Initialize();
        }
        catch (Exception e) when (!app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The first request builds it again and fails the same way, where its caller sees it.
            app.Logger.LogError(e, "Building the GraphQL schema ahead of the first request failed.");
        }
        catch
        {
            // Stopped while building: nothing will use it.
        }
    });
}
