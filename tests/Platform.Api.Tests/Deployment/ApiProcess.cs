using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// The built API (<c>Platform.Api.dll</c>) run as an operator runs it: a real process configured by environment
/// variables only, for its admin commands and as a server on a free loopback port.
/// </summary>
public sealed class ApiProcess(IReadOnlyDictionary<string, string> environment) : IAsyncDisposable
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "Platform.Api.dll");

    private Process? _server;
    private readonly StringBuilder _serverOutput = new();

    /// <summary>Runs an admin command (e.g. <c>migrate</c>) to its end and returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the API listening on <paramref name="urls"/> and returns once it has started (its host logs "Application started").</summary>
    public async Task StartAsync(params Uri[] urls)
    {
        var variables = new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = string.Join(';', urls.Select(u => u.ToString())) };
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server = new Process { StartInfo = StartInfo(variables, []), EnableRaisingEvents = true };
        _server.OutputDataReceived += (_, e) => Record(e.Data, started);
        _server.ErrorDataReceived += (_, e) => Record(e.Data, started);
        _server.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"The API exited:\n{ServerOutput}"));
        _server.Start();
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }

    private void Record(string? line, TaskCompletionSource started)
    {
        lock (_serverOutput)
            _serverOutput.AppendLine(line);
        if (line?.Contains("Application started", StringComparison.Ordinal) == true)
            started.TrySetResult();
    }

    /// <summary>What the server printed so far.</summary>
    public string ServerOutput
    {
        get
        {
            lock (_serverOutput)
                return _serverOutput.ToString();
        }
    }

    /// <summary>Sends the server SIGTERM, as a service manager or an orchestrator stops it, and returns its exit code once it ended.</summary>
    public async Task<int> TerminateAsync()
    {
        if (kill(_server!.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill failed: {Marshal.GetLastPInvokeError()}");
        // Only guards against a hung test: the server ends as soon as it has drained.
        await _server.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return _server.ExitCode;
    }

    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Assembly);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        // Only what the test sets: nothing of the test runner's own environment that configures ASP.NET Core.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        return info;
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
