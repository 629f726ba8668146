using Microsoft.EntityFrameworkCore;
using Platform.Api.Bulk;
using Platform.Api.Leads;
using Platform.Api.Tests.Infrastructure;
using Platform.Domain.Bulk;
using Platform.Domain;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Orders;
using Platform.Domain.Referrals;
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

    [Fact]
    public async Task APageOfEveryOtherType_WithItsFilter_IsOneKeysetSelect()
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();
        string[] filters =
        [
            $$"""{"Kind":[0],"Segment":[0],"Region":"North","OwnerId":"{{GlobalId.Encode("StaffUser", 3)}}","NameStartsWith":"A"}""",
            """{"State":0,"StageCode":["PROPOSAL"],"CreatedAfter":"2029-01-01T00:00:00Z"}""",
            $$"""{"Status":[1],"AttributedAfter":"2029-01-01T00:00:00Z","PartnerId":"{{GlobalId.Encode("Partner", 2)}}"}""",
            $$"""{"Status":[1],"PartnerId":"{{GlobalId.Encode("Partner", 2)}}"}""",
        ];

        await Page<Client>(BulkExportType.Clients, filters[0]);
        await Page<Order>(BulkExportType.Orders, null);
        await Page<Deal>(BulkExportType.Deals, filters[1]);
        await Page<Referral>(BulkExportType.Referrals, filters[2]);
        await Page<Reward>(BulkExportType.Rewards, filters[3]);
        await Page<Activity>(BulkExportType.Activities, null);

        Assert.Equal(6, noServer.Commands.Count);
        Assert.All(noServer.Commands, sql => Assert.Contains("TOP(@", sql));
        Assert.All(noServer.Commands, sql => Assert.Matches(@"ORDER BY \[\w+\]\.\[Id\]", sql));

        async Task Page<T>(BulkExportType type, string? filter) where T : Entity
        {
            var rows = ((BulkExportSource<T>)BulkExportSources.Of(type)).Rows(db, filter, Now);
            await BulkExportRunner.Page(rows, 1000, 5000).ToListAsync();
        }
    }

    [Fact]
    public async Task TheErasureStep_IsTwoUpdates()
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();

        await BulkExportErasure.EraseAsync(db, Now, CancellationToken.None);

        Assert.Equal(2, noServer.Commands.Count);
        Assert.All(noServer.Commands, sql => Assert.StartsWith("UPDATE [b]", sql.Trim()));
    }
}
