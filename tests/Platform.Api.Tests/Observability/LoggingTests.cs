using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Platform.DemoData;

namespace Platform.Api.Tests.Observability;

/// <summary>Logs are quiet by default and, outside Development, JSON lines that carry the trace.</summary>
public sealed class LoggingTests(ObservedApi api) : IClassFixture<ObservedApi>
{
    [Fact]
    public async Task ATokenRequestAndAQuery_WriteNoRoutineLines()
    {
        api.Logs.Lines.Clear();

        var client = await api.ClientForAsync(DemoClients.Integration);
        await api.PostAsync(client, "{ leads(first: 1) { nodes { id } } }");

        // OpenIddict, ASP.NET Core and EF Core write nothing at their default levels; a background service might.
        Assert.True(api.Logs.Lines.Count <= 2, string.Join("\n", api.Logs.Lines));
    }

    [Fact]
    public void OurInformation_IsWritten_LibrariesInformationIsNot()
    {
        var loggers = api.Services.GetRequiredService<ILoggerFactory>();
        var probe = Guid.NewGuid().ToString("N");

        loggers.CreateLogger("Platform.Api.Leads.Probe").LogInformation("ours {Probe}", probe);
        loggers.CreateLogger("OpenIddict.Server.Probe").LogInformation("library {Probe}", probe);
        loggers.CreateLogger("Microsoft.EntityFrameworkCore.Probe").LogWarning("library warning {Probe}", probe);

        var lines = api.Logs.Lines.Where(line => line.Contains(probe, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"Information Platform.Api.Leads.Probe: ours {probe}", $"Warning Microsoft.EntityFrameworkCore.Probe: library warning {probe}"], lines);
    }

    [Fact]
    public void ConsoleLogs_AreJsonWithScopesAndTraceIds_OutsideDevelopment()
    {
        Assert.Equal(ConsoleFormatterNames.Json, api.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.True(api.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
        var tracking = api.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions;
        Assert.True(tracking.HasFlag(ActivityTrackingOptions.TraceId) && tracking.HasFlag(ActivityTrackingOptions.SpanId));
    }
}
