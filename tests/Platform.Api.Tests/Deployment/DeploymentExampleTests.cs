using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Platform.Api.Deployment;
using Platform.Api.Observability;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Testing;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// deploy/ (the container image and the compose file of a two-node fleet) stays true to the code it cannot run here:
/// every setting it gives the nodes is a configuration key the API reads, the health paths the load balancer and the
/// README name are served, and the spool path the nodes write to is the image's volume.
/// </summary>
public sealed partial class DeploymentExampleTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    /// <summary>Variables the runtime reads (ASP.NET Core's own), or the API reads by their standard name.</summary>
    private static readonly string[] StandardVariables =
        ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", ObservabilityRegistration.OtlpEndpointKey];

    private static string Deploy(string file) => File.ReadAllText(RepositoryFiles.PathOf("deploy", file));

    [Fact]
    public void EveryNodeSetting_IsAConfigurationKeyTheApiReads()
    {
        var settings = NodeSettings();
        var (sections, keys) = ConfigurationOf(typeof(PlatformApp).Assembly, typeof(DatabaseOptions).Assembly);

        Assert.Contains("Database__ConnectionString", settings.Keys);
        Assert.All(settings.Keys.Except(StandardVariables), variable =>
        {
            var key = variable.Replace("__", ":", StringComparison.Ordinal);
            Assert.True(keys.Contains(key) || IsOptionProperty(key, sections), $"compose.yaml sets {variable}, but the API reads no `{key}`.");
        });
        Assert.True(DatabaseOptions.TryParseProvider(settings["Database__Provider"], out _));
    }

    [Fact]
    public void NodesDrainWithinTheirGracePeriod()
    {
        var settings = NodeSettings();
        var grace = TimeSpan.FromSeconds(int.Parse(GracePeriod().Match(Deploy("compose.yaml")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(TimeSpan.Parse(settings[GracefulShutdown.Setting.Replace(":", "__", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) < grace);
    }

    [Fact]
    public async Task HealthPaths_OfTheLoadBalancerAndTheReadme_AreServed()
    {
        var paths = HealthPath().Matches(Deploy("haproxy.cfg") + Deploy("README.md")).Select(m => m.Value).Distinct().ToList();

        Assert.Contains("/health/ready", HealthPath().Matches(Deploy("haproxy.cfg")).Select(m => m.Value));
        Assert.Contains("/health/live", paths);
        foreach (var path in paths)
        {
            using var response = await api.Anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void SpoolPath_IsTheImageVolume_MountedOnEveryNode()
    {
        var compose = Deploy("compose.yaml");
        var dockerfile = Deploy("Dockerfile");
        var spool = Path.GetDirectoryName(NodeSettings()["Leads__Spool__Path"])!;

        Assert.Contains($"VOLUME {spool}", dockerfile);
        Assert.Contains($"Leads__Spool__Path={NodeSettings()["Leads__Spool__Path"]}", dockerfile);
        var nodes = NodeVolume().Matches(compose).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, nodes.Count);
        Assert.All(nodes, mount => Assert.Equal(spool, mount));
    }

    /// <summary>The <c>environment</c> map of the nodes' common part (<c>x-api</c>) in compose.yaml.</summary>
    private static Dictionary<string, string> NodeSettings()
    {
        var lines = Deploy("compose.yaml").Split('\n');
        var environment = Array.FindIndex(lines, Array.FindIndex(lines, l => l.StartsWith("x-api:", StringComparison.Ordinal)), l => l.Trim() == "environment:");
        var indent = lines[environment].Length - lines[environment].TrimStart().Length;
        return lines.Skip(environment + 1)
            .TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length > indent)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(": ", 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('"'));
    }

    /// <summary>
    /// The configuration the API reads: option classes by their section (a constant <c>Section</c> or <c>SectionName</c>)
    /// and single keys named by constants (<c>Host:ShutdownTimeout</c>, <c>DataProtection:KeysDirectory</c>, …).
    /// </summary>
    private static (ILookup<string, Type> Sections, HashSet<string> Keys) ConfigurationOf(params Assembly[] assemblies)
    {
        var constants = assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            .ToList();
        var sections = constants.Where(f => f.Name is "Section" or "SectionName")
            .ToLookup(f => (string)f.GetRawConstantValue()!, f => f.DeclaringType!, StringComparer.OrdinalIgnoreCase);
        var keys = constants.Select(f => (string)f.GetRawConstantValue()!).Where(value => ConfigurationKey().IsMatch(value))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (sections, keys);
    }

    /// <summary>Whether <paramref name="key"/> is a section followed by the path of a property of its options class.</summary>
    private static bool IsOptionProperty(string key, ILookup<string, Type> sections) =>
        sections.Where(s => key.StartsWith(s.Key + ":", StringComparison.OrdinalIgnoreCase)).SelectMany(s => s.Select(type => (s.Key, Type: type))).Any(section =>
        {
            Type? type = section.Type;
            foreach (var name in key[(section.Key.Length + 1)..].Split(':'))
                type = type?.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true } property ? property.PropertyType : null;
            return type is not null;
        });

    [GeneratedRegex("^[A-Z][A-Za-z]+(:[A-Z][A-Za-z]+)+$")]
    private static partial Regex ConfigurationKey();

    [GeneratedRegex("/health/[a-z]+")]
    private static partial Regex HealthPath();

    [GeneratedRegex(@"stop_grace_period: (\d+)s")]
    private static partial Regex GracePeriod();

    [GeneratedRegex(@"volumes: \[spool-\d+:(\S+)\]")]
    private static partial Regex NodeVolume();
}
