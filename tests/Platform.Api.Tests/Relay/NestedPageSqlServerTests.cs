using Microsoft.EntityFrameworkCore;
using Platform.Api.Leads;
using Platform.Api.Tests.Infrastructure;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;
using Platform.Testing;

namespace Platform.Api.Tests.Relay;

/// <summary>
/// The page of a nested connection for many parents translates on SQL Server to one <c>CROSS APPLY (SELECT TOP(n) …)</c>
/// per parent: no server runs here, so <see cref="SqlServerWithoutServer"/> keeps the SQL. PostgreSQL's LATERAL and
/// SQLite's ROW_NUMBER are pinned by <see cref="LeadGraphStatementsTests{THost}"/>.
/// </summary>
public sealed class NestedPageSqlServerTests
{
    [Fact]
    public async Task ActivitiesOfManyLeads_AreATopPerLeadInACrossApply()
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();

        // activities(first: 5) { nodes { type occurredAt } }: those columns, the lead's key and the order's keys.
        var selected = Projection<Activity>.Of([nameof(Activity.Type), nameof(Activity.OccurredAt)]);
        await LeadType.ActivitiesNewestFirst.Pages(db, [1, 2, 3], PageRequest.Create(5, null, null, null), selected).ToListAsync();
        await LeadType.ActivitiesNewestFirst.Pages(db, [1, 2, 3], PageRequest.Create(null, null, 5, null), selected).ToListAsync();

        Assert.All(noServer.Commands, sql => Assert.Contains("CROSS APPLY", sql));
        Assert.All(noServer.Commands, sql => Assert.DoesNotContain("ROW_NUMBER", sql));
        MarkdownSnapshot.Match("ActivitiesOfManyLeads.SqlServer", [("first: 5", "sql", noServer.Commands[0]), ("last: 5", "sql", noServer.Commands[1])]);
    }
}
