namespace Platform.Api.Deployment;

/// <summary>
/// How long a node takes to stop (<c>Host:ShutdownTimeout</c>). On SIGTERM the server stops taking connections, open
/// WebSockets are closed with 1001, the requests in flight finish (the lead intake still writes their batches), then the
/// lead intake writes what it holds and the spool drain stops between two entries; what is still running when the time
/// is up is abandoned, and nothing it did is answered as stored.
/// </summary>
public static class GracefulShutdown
{
    public const string Setting = "Host:ShutdownTimeout";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        var timeout = configuration.GetValue(Setting, DefaultTimeout);
        if (timeout <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Setting} must be positive, not {timeout}.");
        return services.Configure<HostOptions>(host => host.ShutdownTimeout = timeout);
    }
}
