using System.Diagnostics.CodeAnalysis;

namespace Platform.Benchmarks;

/// <summary>The command line: <c>--name value</c> pairs, each optional.</summary>
internal sealed record BenchmarkOptions(Scenario Scenario, string Provider, int Leads, int Clients, int Seconds, int Warmup)
{
    public static string Usage =>
        $"""
        Usage: dotnet run -c Release --project tests/Platform.Benchmarks -- [options]
          --scenario NAME   {string.Join(" | ", Scenarios.All.Keys)} (default leads-graph)
          --provider NAME   Sqlite | Postgres (default Sqlite)
          --leads N         demo leads to seed (default 10000)
          --clients N       concurrent clients (default 16)
          --seconds N       measured duration (default 20)
          --warmup N        warm-up duration in seconds, not measured (default 3)
        """;

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkOptions? options, [NotNullWhen(false)] out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["scenario"] = "leads-graph", ["provider"] = "Sqlite",
            ["leads"] = "10000", ["clients"] = "16", ["seconds"] = "20", ["warmup"] = "3",
        };
        options = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is null || !values.ContainsKey(name))
            {
                error = $"Unknown option '{args[i]}'.";
                return false;
            }
            if (i + 1 >= args.Length)
            {
                error = $"Option '{args[i]}' needs a value.";
                return false;
            }
            values[name] = args[i + 1];
        }

        if (!Scenarios.All.TryGetValue(values["scenario"], out var scenario))
        {
            error = $"Unknown scenario '{values["scenario"]}'.";
            return false;
        }
        var provider = values["provider"].ToLowerInvariant() switch
        {
            "sqlite" => "Sqlite",
            "postgres" or "postgresql" => "Postgres",
            _ => null,
        };
        if (provider is null)
        {
            error = $"Unknown provider '{values["provider"]}'.";
            return false;
        }
        if (!TryCount(values, "leads", 0, out var leads, out error)
            || !TryCount(values, "clients", 1, out var clients, out error)
            || !TryCount(values, "seconds", 1, out var seconds, out error)
            || !TryCount(values, "warmup", 0, out var warmup, out error))
        {
            return false;
        }

        options = new BenchmarkOptions(scenario, provider, leads, clients, seconds, warmup);
        return true;
    }

    private static bool TryCount(Dictionary<string, string> values, string name, int min, out int value, [NotNullWhen(false)] out string? error)
    {
        if (int.TryParse(values[name], out value) && value >= min)
        {
            error = null;
            return true;
        }
        error = $"--{name} must be a whole number of at least {min}, not '{values[name]}'.";
        return false;
    }
}
