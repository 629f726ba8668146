using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Platform.Testing;

/// <summary>
/// A throwaway PostgreSQL server shared by every test in the process, started on first use from
/// the machine's PostgreSQL binaries (newest <c>/usr/lib/postgresql/*/bin</c>, or <c>PG_BIN</c>,
/// or <c>pg_ctl</c> on PATH) in a fresh temporary directory on a free loopback port, tuned for
/// speed over durability. It is stopped and deleted when the process exits; a watchdog process
/// does the same if the process is killed. Set <c>PLATFORM_TEST_POSTGRES</c> to an admin
/// connection string to use an existing server instead. A test that must stop the server
/// starts one of its own with <see cref="StartDedicatedAsync"/>.
/// </summary>
public static partial class PostgresServer
{
    /// <summary>Environment variable holding an admin connection string to an existing server.</summary>
    public const string ExternalServerVariable = "PLATFORM_TEST_POSTGRES";

    /// <summary>Environment variable naming the directory holding initdb and pg_ctl.</summary>
    public const string BinDirectoryVariable = "PG_BIN";

    private const string SuperUser = "postgres";
    private const string UnprivilegedUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<Task<Server>> Instance =
        new(() => Task.Run(StartAsync), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string of a superuser on the server's <c>postgres</c> database.</summary>
    public static string AdminConnectionString => Instance.Value.GetAwaiter().GetResult().AdminConnectionString;

    /// <summary>
    /// Creates a new, empty database named after <paramref name="name"/> (sanitized, with a unique
    /// suffix) and returns a pooled Npgsql connection string for it. Safe to call concurrently.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var server = await Instance.Value.WaitAsync(ct).ConfigureAwait(false);
        var database = UniqueDatabaseName(name);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server.AdminConnectionString);
                await connection.OpenAsync(ct).ConfigureAwait(false);
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                // "source database template1 is being accessed by other users" (only on a shared server).
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct).ConfigureAwait(false);
            }
        }

        server.CreatedDatabases.Add(database);
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString)
        {
            Database = database,
            // Each database gets its own pool; let idle connections go quickly so that many test
            // classes' pools together stay under max_connections.
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 2,
        }.ConnectionString;
    }

    private static string UniqueDatabaseName(string name)
    {
        var sanitized = NonIdentifierChars().Replace(name.ToLowerInvariant(), "_").Trim('_');
        if (sanitized.Length > 40)
        {
            sanitized = sanitized[..40].TrimEnd('_');
        }

        if (sanitized.Length == 0)
        {
            sanitized = "db";
        }
        else if (char.IsDigit(sanitized[0]))
        {
            sanitized = "db_" + sanitized;
        }

        return $"{sanitized}_{Guid.NewGuid():N}"[..(sanitized.Length + 13)];
    }

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NonIdentifierChars();

    private sealed class Server(string adminConnectionString)
    {
        public string AdminConnectionString { get; } = adminConnectionString;
        public ConcurrentBag<string> CreatedDatabases { get; } = [];
    }

    private static async Task<Server> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return await UseExternalServerAsync(external).ConfigureAwait(false);
        }

        var local = await StartLocalServerAsync().ConfigureAwait(false);
        return new Server(local.AdminConnectionString);
    }

    /// <summary>Starts a new server in a fresh directory on a free port, as the unprivileged user when running as root.</summary>
    private static async Task<LocalServer> StartLocalServerAsync()
    {
        var bin = FindBinDirectory();
        var runAs = IsRoot() ? await EnsureUnprivilegedUserAsync().ConfigureAwait(false) : null;

        // A port found free can be taken before the server binds it; then start over on another.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartLocalServerAsync(bin, runAs).ConfigureAwait(false);
            }
            catch (PortTakenException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<Server> UseExternalServerAsync(string connectionString)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { IncludeErrorDetail = true }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"{ExternalServerVariable} is set, but its server could not be reached: {e.Message}", e);
        }

        var server = new Server(admin);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabases(server);
        return server;
    }

    private static void DropDatabases(Server server)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(server.AdminConnectionString);
            connection.Open();
            foreach (var database in server.CreatedDatabases)
            {
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                command.CommandTimeout = 10;
                command.ExecuteNonQuery();
            }
        }
        catch (Exception)
        {
            // Best effort: the databases have unique names, so leftovers harm no later run.
        }
    }

    /// <summary>A running local server and what it takes to stop and start it again.</summary>
    internal sealed record LocalServer(string AdminConnectionString, string PgCtl, string Data, string Root, string Log, string? RunAs);

    private static async Task<LocalServer> StartLocalServerAsync(string bin, string? runAs)
    {
        var root = CreateRootDirectory(runAs);
        var data = Path.Combine(root, "data");
        var log = Path.Combine(root, "postgres.log");
        var pgCtl = Path.Combine(bin, "pg_ctl");
        var report = new StringBuilder($"PostgreSQL binaries: {bin}; directory: {root}; running as: {runAs ?? Environment.UserName}\n");
        var started = false;
        try
        {
            if (runAs is not null)
            {
                await RunAsync("chown", [runAs, root], null, root, report).ConfigureAwait(false);
            }

            string[] initdb = [Path.Combine(bin, "initdb"), "-D", data, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--no-sync"];
            if (await RunAsync(initdb[0], [.. initdb[1..], "--locale=C.UTF-8"], runAs, root, report).ConfigureAwait(false) != 0)
            {
                // A machine without the C.UTF-8 locale: fall back to plain C.
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, recursive: true);
                }

                if (await RunAsync(initdb[0], [.. initdb[1..], "--no-locale"], runAs, root, report).ConfigureAwait(false) != 0)
                {
                    throw Failure("initdb failed.", report, log);
                }
            }

            var port = FindFreePort();
            await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), $"""

                # Platform.Testing: a throwaway server for tests
                listen_addresses = '127.0.0.1'
                port = {port}
                unix_socket_directories = '{root}'
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                max_connections = 300
                shared_buffers = 256MB
                max_parallel_workers_per_gather = 0
                jit = off
                timezone = 'UTC'
                log_timezone = 'UTC'
                {StatementStatistics(bin)}
                """).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(data, "pg_hba.conf"), """
                # Platform.Testing: trust on loopback only (the socket directory is private to the owner)
                local all all trust
                host  all all 127.0.0.1/32 trust

                """).ConfigureAwait(false);

            var exit = await RunAsync(pgCtl, ["-D", data, "-l", log, "-w", "-t", "90", "start"], runAs, root, report).ConfigureAwait(false);
            if (exit != 0)
            {
                var logText = ReadLog(log);
                if (logText.Contains("Address already in use", StringComparison.Ordinal))
                {
                    throw new PortTakenException(Failure("pg_ctl start failed: the port was taken.", report, log).Message);
                }

                throw Failure("pg_ctl start failed.", report, log);
            }

            started = true;
            StartWatchdog(pgCtl, data, root, runAs);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(data, root);

            var admin = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = SuperUser,
                Database = "postgres",
                IncludeErrorDetail = true,
                Pooling = true,
            }.ConnectionString;

            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync().ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                report.AppendLine($"Connecting to {admin} failed: {e}");
                throw Failure("The server started but does not accept connections.", report, log);
            }

            return new LocalServer(admin, pgCtl, data, root, log, runAs);
        }
        catch when (!started)
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>
    /// Loads pg_stat_statements (planning time included) when the binaries come with it, so that a benchmark can read the
    /// database's own time per statement; an empty line where it is missing (the server would not start with it named).
    /// </summary>
    private static string StatementStatistics(string bin) =>
        File.Exists(Path.Combine(bin, "..", "lib", "pg_stat_statements.so"))
            ? "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track_planning = on\n"
            : "";

    private static string CreateRootDirectory(string? runAs)
    {
        // The unprivileged user must reach the directory, and the socket path must stay short.
        var parent = runAs is not null ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(parent, $"platform-pg-{Guid.NewGuid():N}"[..24]);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
        }
        else
        {
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return root;
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(BinDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "pg_ctl"))
                ? configured
                : throw new InvalidOperationException($"{BinDirectoryVariable}={configured} holds no pg_ctl.");
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: decimal.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(x => File.Exists(Path.Combine(x.Dir, "pg_ctl")) && File.Exists(Path.Combine(x.Dir, "initdb")))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")));
        return onPath ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries found (looked in {debianRoot}/*/bin, ${BinDirectoryVariable} and PATH). "
            + $"Install PostgreSQL (e.g. apt-get install postgresql) or set {ExternalServerVariable} to a connection string.");
    }

    private const int SigQuit = 3;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    private static bool IsRoot() => !OperatingSystem.IsWindows() && GetEffectiveUserId() == 0;

    /// <summary>initdb and postgres refuse to run as root: use (and if need be create) a system user.</summary>
    private static async Task<string> EnsureUnprivilegedUserAsync()
    {
        var report = new StringBuilder();
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            if (await RunAsync("id", ["-u", UnprivilegedUser], null, "/", report).ConfigureAwait(false) == 0)
            {
                return UnprivilegedUser;
            }

            // Several test processes may race here; useradd fails for all but one of them.
            await RunAsync("useradd", ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
                "--shell", "/usr/sbin/nologin", UnprivilegedUser], null, "/", report).ConfigureAwait(false);
            await Task.Delay(200 * attempt).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"Could not create the system user '{UnprivilegedUser}' to run PostgreSQL as.\n{report}");
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A detached process (its own session, reparented to init) that stops the server and deletes
    /// its directory once this process is gone, even if it was killed.
    /// </summary>
    private static void StartWatchdog(string pgCtl, string data, string root, string? runAs)
    {
        const string script = """
            pid=$1; root=$2; shift 2
            while kill -0 "$pid" 2>/dev/null; do sleep 1; done
            [ -d "$root" ] && "$@"
            rm -rf "$root"
            """;
        string[] stop = [.. RunAsPrefix(runAs), pgCtl, "-D", data, "-m", "immediate", "-w", "stop"];
        Watchdog.Start("platform-pg-watchdog", script, [root, .. stop]);
    }

    /// <summary>
    /// Immediate shutdown by signal (SIGQUIT) rather than through pg_ctl: the test platform gives
    /// the test host only moments to exit before it kills it (the watchdog finishes the job then).
    /// </summary>
    internal static void Stop(string data, string root)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            var pidFile = Path.Combine(data, "postmaster.pid");
            if (int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && pid > 0 && Kill(pid, SigQuit) == 0)
            {
                // The postmaster removes its pid file once it and its children are gone.
                var deadline = Stopwatch.StartNew();
                while (File.Exists(pidFile) && deadline.Elapsed < TimeSpan.FromSeconds(10))
                {
                    Thread.Sleep(10);
                }
            }
        }
        catch (Exception)
        {
            // Best effort: the watchdog stops the server too.
        }

        TryDelete(root);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception)
        {
            // The watchdog removes it too.
        }
    }

    private static string[] RunAsPrefix(string? runAs) => runAs is null ? [] : ["runuser", "-u", runAs, "--"];

    /// <summary>Runs a command (as <paramref name="runAs"/> if given), appending its command line and output to the report.</summary>
    internal static async Task<int> RunAsync(string file, IReadOnlyList<string> args, string? runAs, string workingDirectory, StringBuilder report)
    {
        string[] commandLine = [.. RunAsPrefix(runAs), file, .. args];
        var start = new ProcessStartInfo(commandLine[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in commandLine[1..])
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        lock (report)
        {
            report.AppendLine($"$ {string.Join(' ', commandLine)}");
        }

        try
        {
            process.Start();
        }
        catch (Exception e)
        {
            lock (report)
            {
                report.AppendLine($"could not start: {e.Message}");
            }

            return -1;
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (report)
            {
                report.AppendLine($"timed out after {CommandTimeout}");
            }
        }

        lock (report)
        {
            lock (output)
            {
                report.Append(output.ToString());
            }

            report.AppendLine($"(exit code {(process.HasExited ? process.ExitCode : -1)})");
        }

        return process.HasExited ? process.ExitCode : -1;
    }

    private static string ReadLog(string log)
    {
        try
        {
            return File.Exists(log) ? File.ReadAllText(log) : "(no log file)";
        }
        catch (Exception e)
        {
            return $"(could not read the log file: {e.Message})";
        }
    }

    internal static InvalidOperationException Failure(string what, StringBuilder report, string log) =>
        new($"Could not start the PostgreSQL test server: {what}\n{report}\n--- {log} ---\n{ReadLog(log)}");

    private sealed class PortTakenException(string message) : Exception(message);
}
