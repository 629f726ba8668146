using System.Diagnostics;

namespace Platform.Testing;

/// <summary>Detached shell processes (their own session, reparented to init) that clean up after this process once it is gone, even if it was killed.</summary>
internal static class Watchdog
{
    /// <summary>Runs <paramref name="script"/> with <c>sh</c> detached, named <paramref name="name"/>, with this process's id as <c>$1</c> and <paramref name="args"/> after it.</summary>
    public static void Start(string name, string script, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var arg in (string[])["-c", "setsid \"$@\" </dev/null >/dev/null 2>&1 &", "sh",
                     "/bin/sh", "-c", script, name, Environment.ProcessId.ToString(), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            process.WaitForExit(10_000);
        }
        catch (Exception)
        {
            // Without a watchdog, a killed test run leaves the server behind; the next run is
            // unaffected (fresh directory and port), so this is no reason to fail.
        }
    }
}
