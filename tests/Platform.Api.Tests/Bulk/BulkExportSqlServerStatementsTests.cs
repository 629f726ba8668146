using Microsoft.EntityFrameworkCore;
using Platform.Api.Bulk;
using Platform.Api.Leads;
using Platform.Api.Tests.Infrastructure;
using Platform.Domain.Bulk;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Bulk;

/// <summary>The exporter's statements translate for SQL Server (no server runs here: <see cref="SqlServerWithoutServer"/> keeps the SQL).</summary>
public sealed class BulkExportSqlServerStatementsTests
{
    private static readonly DateTime Now = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ClaimRenewAndRelease_AreOneStatementEach()
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();

        Assert.Null(await BulkExportClaims.NextAsync(db, Now, CancellationToken.None));
        Assert.False(await BulkExportClaims.TakeAsync(db, new BulkExport { Id = 7, Attempts = 1 }, "node", "7-2.jsonl.gz", Now, Now.AddMinutes(1), CancellationToken.None));
        Assert.False(await BulkExportClaims.RenewAsync(db, 7, "node", Now.AddMinutes(1), CancellationToken.None));
        await BulkExportClaims.ReleaseAsync(db, 7, "node", Now, CancellationToken.None);

        Assert.Equal(4, noServer.Commands.Count);
        Assert.StartsWith("UPDATE [b]", noServer.Commands[1].Trim());
        Assert.Contains("[b].[Attempts] = @", noServer.Commands[1]);
    }

    [Fact]
    public async Task APageOfLeads_WithEveryCondition_IsOneKeysetSelect()
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();
        var filter = new LeadFilter
        {
            Status = [LeadStatus.New], Temperature = [LeadTemperature.Hot], Origin = [LeadOrigin.Net], RequestType = [RequestType.Consultation],
            Channel = ["LANDING_PAGE"], LandingPage = "spring", OwnerId = GlobalId.Encode("StaffUser", 3), CreatedAfter = Now.AddDays(-30),
            CreatedBefore = Now, Overdue = true, PostponedFrom = Now, PostponedTo = Now.AddDays(1), PartnerId = GlobalId.Encode("Partner", 2), Search = "+79165551234",
        };

        var page = BulkExportRunner.Page(filter.Apply(db.Leads, Now), 1000, 5000);
        await page.ToListAsync();

        var sql = Assert.Single(noServer.Commands);
        Assert.Contains("TOP(@", sql);
        Assert.Contains("[l].[Id] > @", sql);
        Assert.Contains("ORDER BY [l].[Id]", sql);
    }
}
