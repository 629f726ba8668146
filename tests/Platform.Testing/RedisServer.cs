using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// A throwaway <c>redis-server</c> of one test class, from the machine's Redis package (on PATH, or
/// <c>REDIS_SERVER</c>): a free loopback port, a fresh temporary directory, nothing saved to disk. It may run as root.
/// A test may stop it and start it again on the same port; dispose it (or end the process) to remove it. A watchdog
/// process removes it too if the test process is killed.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>Environment variable naming the redis-server binary.</summary>
    public const string BinaryVariable = "REDIS_SERVER";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _binary;
    private readonly string _directory;
    private readonly int _port;
    private Process? _process;

    private RedisServer(string binary, string directory, int port)
    {
        _binary = binary;
        _directory = directory;
        _port = port;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove();
        StartWatchdog();
    }

    private string PidFile => Path.Combine(_directory, "redis.pid");

    /// <summary>The StackExchange.Redis configuration string of the server.</summary>
    public string Configuration => $"127.0.0.1:{_port}";

    /// <summary>Starts a new server and returns once it answers PING.</summary>
    public static async Task<RedisServer> StartNewAsync()
    {
        var binary = FindBinary();
        // A port found free can be taken before the server binds it; then start over on another.
        for (var attempt = 1; ; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory("platform-redis-").FullName;
            var server = new RedisServer(binary, directory, FindFreePort());
            try
            {
                await server.StartAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Starts the stopped server again on the same port and returns once it answers PING.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(_binary)
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["--port", _port.ToString(), "--bind", "127.0.0.1", "--dir", _directory,
                     "--save", "", "--appendonly", "no", "--daemonize", "no", "--pidfile", PidFile, "--loglevel", "warning"])
            start.ArgumentList.Add(arg);
        var output = new StringBuilder();
        var process = _process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            lock (output)
                output.AppendLine(e.Data);
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AnswersPingAsync())
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                await StopAsync();
                lock (output)
                    throw new InvalidOperationException($"redis-server did not start on port {_port}:\n{output}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the server at once (as a crash would) and returns once it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
            return;
        _process = null;
        if (!process.HasExited)
            process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        // Killed, it leaves its pid file behind; the watchdog must not kill another process that gets the pid later.
        File.Delete(PidFile);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Remove();
    }

    private void Remove()
    {
        try
        {
            if (_process is { HasExited: false } process)
                process.Kill();
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception)
        {
            // Best effort: a leftover directory harms no later run.
        }
    }

    /// <summary>
    /// A detached process (its own session) that stops the server and deletes its directory once this process is gone,
    /// even if it was killed.
    /// </summary>
    private void StartWatchdog()
    {
        const string script = """
            pid=$1; dir=$2
            while kill -0 "$pid" 2>/dev/null; do sleep 1; done
            [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")"
            rm -rf "$dir"
            """;
        Watchdog.Start("platform-redis-watchdog", script, [_directory]);
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, _port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[7];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }

    private static string FindBinary()
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"{BinaryVariable}={configured} does not exist.");
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "redis-server"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"No redis-server on PATH. Install Redis (e.g. apt-get install redis-server) or set {BinaryVariable}.");
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
