using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Security;

/// <summary>Every mutation leaves an audit-log row, and changed records carry the caller from the token.</summary>
public sealed class MutationAuditTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string SetTemperature = """
        mutation($id: ID!) { setLeadTemperature(input: { leadId: $id, temperature: COLD }) { lead { id } errors { ... on Error { code } } } }
        """;

    [Fact]
    public async Task Mutation_IsAuditedWithCallerClientAndTarget()
    {
        var leadId = GlobalId.Encode("Lead", 7);

        await api.QueryAsync(SetTemperature, new { id = leadId });

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entry = await db.AuditLog.OrderByDescending(e => e.Id).FirstAsync(e => e.Operation == "setLeadTemperature");
        Assert.Equal("Demo integration", entry.Actor);
        Assert.Equal(DemoClients.Integration, entry.ClientId);
        Assert.Contains(leadId, entry.TargetIds);
        Assert.Contains("\"ok\"", entry.Details);
        Assert.Equal("Demo integration", (await db.Leads.SingleAsync(l => l.Id == 7)).UpdatedBy);
    }

    [Fact]
    public async Task RefusedMutation_IsAuditedWithItsErrorCodes()
    {
        var missing = GlobalId.Encode("Lead", 999_999);

        await api.QueryAsync(SetTemperature, new { id = missing });

        await using var scope = api.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditLog
            .OrderByDescending(e => e.Id).FirstAsync(e => e.TargetIds == missing);
        Assert.Contains("NOT_FOUND", entry.Details);
        Assert.Contains("\"refused\"", entry.Details);
    }
}
