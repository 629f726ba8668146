namespace Platform.Api.Deployment;

/// <summary>
/// Where an admin command runs: the arguments and extra configuration of the host it builds (tests set the environment
/// and the database there) and where it writes. <see cref="Default"/> is the process's own.
/// </summary>
public sealed record AdminConsole(string[] HostArgs, TextWriter Output, TextWriter Error, Action<WebApplicationBuilder>? Configure = null)
{
    /// <summary>The process's environment and configuration, its standard output and error.</summary>
    public static AdminConsole Default => new([], Console.Out, Console.Error);

    /// <summary>The API's services (not started) on the configured database.</summary>
    public WebApplication Build() => PlatformApp.Build(HostArgs, Configure);

    /// <summary>Writes <paramref name="message"/> to <see cref="Error"/> and returns the exit code of a refused command.</summary>
    public int Fail(string message)
    {
        Error.WriteLine(message);
        return 2;
    }
}
