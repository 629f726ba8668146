using Platform.Api.Imports;
using Platform.Api.Tests.Infrastructure;
using Platform.Domain.Imports;

namespace Platform.Api.Tests.Imports;

/// <summary>The importer's claim statements translate for SQL Server (no server runs here: <see cref="SqlServerWithoutServer"/> keeps the SQL).</summary>
public sealed class LeadImportSqlServerStatementsTests
{
    private static readonly DateTime Now = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ClaimCommitAndRelease_AreOneStatementEach()
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();

        Assert.Null(await LeadImportClaims.NextAsync(db, Now, CancellationToken.None));
        Assert.False(await LeadImportClaims.TakeAsync(db, new LeadImport { Id = 7, Attempts = 1 }, "node", Now, Now.AddMinutes(1), CancellationToken.None));
        Assert.False(await LeadImportClaims.CommitBatchAsync(db, 7, "node", 1000, new BatchCounts(900, 50, 40, 10), Now.AddMinutes(1), CancellationToken.None));
        await LeadImportClaims.ReleaseAsync(db, 7, "node", Now, CancellationToken.None);

        Assert.Equal(4, noServer.Commands.Count);
        Assert.StartsWith("UPDATE [l]", noServer.Commands[1].Trim());
        Assert.Contains("[l].[Attempts] = @", noServer.Commands[1]);
        Assert.Contains("[l].[CreatedCount] = [l].[CreatedCount] + @", noServer.Commands[2]);
    }
}
