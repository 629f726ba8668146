using System.Diagnostics.CodeAnalysis;

namespace Platform.Benchmarks;

/// <summary>The command line: <c>--name value</c> pairs, each optional.</summary>
internal sealed record BenchmarkOptions(Scenario Scenario, string Provider, int Leads, int Clients, int Seconds, int Warmup, int? Deals = null, int? Orders = null, bool Explain = false, bool KpiCache = true, int KpiStaleness = 0, int WritesPerSecond = 0, int JitSettle = 0, Uri? Peer = null, string? Database = null)
{
    /// <summary>Whether the bulk seeder (<see cref="BulkSeeder"/>) seeds instead of the demo data: when deals or orders are given.</summary>
    public bool Bulk => Deals is not null || Orders is not null;

    /// <summary>Named datasets: <c>--dataset kpi-1m</c> is the issue's KPI target size.</summary>
    private static readonly Dictionary<string, (int Leads, int Deals, int Orders)> Datasets = new(StringComparer.Ordinal)
    {
        ["kpi-1m"] = (1_000_000, 200_000, 300_000),
        ["kpi-100k"] = (100_000, 20_000, 30_000),
    };

    /// <summary>What the kpi report can be grouped by: the schema's <c>KpiDimension</c> values.</summary>
    private static readonly string[] GroupByDimensions = ["CHANNEL", "LANDING_PAGE", "MANAGER", "ORIGIN", "PARTNER", "TEMPERATURE"];

    public static string Usage =>
        $"""
        Usage: dotnet run -c Release --project tests/Platform.Benchmarks -- [--fleet] [options]
          --fleet           first: two API nodes sharing one PostgreSQL and one Redis, measured against one node (README "Fleet")
          --scenario NAME   {string.Join(" | ", Scenarios.All.Keys)} (default leads-graph)
          --provider NAME   Sqlite | Postgres (default Sqlite)
          --leads N         leads to seed (default 10000): demo data, or bulk rows with --deals/--orders
          --deals N         bulk-seed this many deals (BulkSeeder: COPY on PostgreSQL); default leads / 5 with --orders
          --orders N        bulk-seed this many orders; default leads * 3 / 10 with --deals
          --explain BOOL    PostgreSQL: print EXPLAIN (ANALYZE, BUFFERS) of the statements of one request before measuring (default false)
          --kpi-cache BOOL  the API's KPI result cache (Kpis:Cache:Enabled; default true): false measures plain SQL
          --kpi-staleness N seconds a cached KPI result may outlive a write (Kpis:Cache:MaxStalenessSeconds; default 30, as the API)
          --writes N        leads inserted per second in the background while measuring (default 0): a live system's writes
          --dataset NAME    {string.Join(" | ", Datasets.Keys)}: bulk leads, deals and orders (kpi-1m: 1,000,000 / 200,000 / 300,000)
          --clients N       concurrent clients (default 16)
          --seconds N       measured duration (default 20)
          --warmup N        warm-up duration in seconds, not measured (default 3)
          --peer URL        leads-graph on Postgres: after the API, measure the same query on a peer GraphQL server on the
                            benchmark's database (PostGraphile: scripts/postgraphile-peer.sh; the run waits for it to answer)
          --database CS     PostgreSQL: run on this existing database and keep it; seeded as the options say when it holds
                            no leads, measured as it is otherwise (seed a dataset once, then measure it many times)
          --group-by DIM    kpi: the report grouped by one dimension ({string.Join(" | ", GroupByDimensions)}); default none
          --jit-settle N    after the warm-up, keep warming up (at most N more seconds, default 90) until the runtime
                            compiles fewer than 20 methods a second: the run then measures compiled code, not the JIT
        """;

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkOptions? options, [NotNullWhen(false)] out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["scenario"] = "leads-graph", ["provider"] = "Sqlite",
            ["leads"] = "10000", ["clients"] = "16", ["seconds"] = "20", ["warmup"] = "3",
            ["deals"] = "", ["orders"] = "", ["dataset"] = "", ["explain"] = "false", ["kpi-cache"] = "true", ["kpi-staleness"] = "30", ["writes"] = "0", ["jit-settle"] = "90", ["peer"] = "", ["group-by"] = "", ["database"] = "",
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

        int? deals = null, orders = null;
        if (values["dataset"] is { Length: > 0 } dataset)
        {
            if (!Datasets.TryGetValue(dataset, out var size))
            {
                error = $"Unknown dataset '{dataset}'.";
                return false;
            }
            (leads, deals, orders) = size;
        }
        else if (values["deals"].Length > 0 || values["orders"].Length > 0)
        {
            if (values["deals"].Length == 0)
                values["deals"] = (leads / 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (values["orders"].Length == 0)
                values["orders"] = (leads * 3L / 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!TryCount(values, "deals", 0, out var d, out error) || !TryCount(values, "orders", 0, out var o, out error))
                return false;
            (deals, orders) = (d, o);
        }

        if (!bool.TryParse(values["explain"], out var explain) || !bool.TryParse(values["kpi-cache"], out var kpiCache))
        {
            error = "--explain and --kpi-cache take true or false.";
            return false;
        }

        if (!TryCount(values, "kpi-staleness", 0, out var staleness, out error) || !TryCount(values, "writes", 0, out var writes, out error)
            || !TryCount(values, "jit-settle", 0, out var jitSettle, out error))
            return false;

        Uri? peer = null;
        if (values["peer"].Length > 0 && (!Uri.TryCreate(values["peer"], UriKind.Absolute, out peer) || provider != "Postgres" || scenario.Name != "leads-graph"))
        {
            error = "--peer takes the peer's GraphQL URL, with --scenario leads-graph --provider Postgres.";
            return false;
        }

        if (values["group-by"] is { Length: > 0 } groupBy)
        {
            if (scenario.Name != "kpi" || !GroupByDimensions.Contains(groupBy))
            {
                error = $"--group-by takes one of {string.Join(", ", GroupByDimensions)}, with --scenario kpi.";
                return false;
            }
            var variables = scenario.Variables;
            scenario = scenario with { Variables = sequence => new Dictionary<string, object?>(variables(sequence)) { ["groupBy"] = groupBy } };
        }

        if (values["database"].Length > 0 && provider != "Postgres")
        {
            error = "--database takes a PostgreSQL connection string, with --provider Postgres.";
            return false;
        }

        options = new BenchmarkOptions(scenario, provider, leads, clients, seconds, warmup, deals, orders, explain, kpiCache, staleness, writes, jitSettle, peer,
            values["database"].Length > 0 ? values["database"] : null);
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
