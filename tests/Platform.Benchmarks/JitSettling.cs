using System.Diagnostics;

namespace Platform.Benchmarks;

/// <summary>Warm-up until the runtime has compiled the hot code.</summary>
internal static class JitSettling
{
    /// <summary>
    /// Tiered compilation recompiles hot methods in the background for a long while after start (on a busy 2-core machine,
    /// minutes): a run measured meanwhile measures the JIT as much as the API. Keeps the load on, 2 s at a time, until fewer
    /// than 20 methods a second are compiled or <c>--jit-settle</c> seconds have passed; returns the requests accepted meanwhile.
    /// </summary>
    public static async Task<long> SettleAsync(LoadRunner runner, BenchmarkOptions options)
    {
        const int RoundSeconds = 2, SettledPerSecond = 20;
        long accepted = 0;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < options.JitSettle)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            var round = await runner.RunAsync(options.Clients, TimeSpan.FromSeconds(RoundSeconds), expectedRequestsPerClient: 1024);
            accepted += round.Sum(r => r.Latencies.Count - r.Errors);
            var perSecond = (System.Runtime.JitInfo.GetCompiledMethodCount() - before) / (double)RoundSeconds;
            if (perSecond < SettledPerSecond)
            {
                Console.WriteLine($"JIT settled after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s more warm-up ({perSecond:F0} methods compiled a second)");
                return accepted;
            }
        }
        if (options.JitSettle > 0)
            Console.WriteLine($"JIT still compiling after {options.JitSettle} s more warm-up: the run measures some of it");
        return accepted;
    }
}
