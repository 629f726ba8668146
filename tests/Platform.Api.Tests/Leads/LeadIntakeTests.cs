using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Leads.Submission;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Domain.Auditing;
using Platform.Domain.Leads;

namespace Platform.Api.Tests.Leads;

/// <summary>
/// The group commit of new leads (issue #4 speed, <see cref="LeadIntake"/>): a batch stores what is new and hands back,
/// after its commit, what matches anything earlier — the same matches as the one-by-one duplicate check
/// (DECISIONS [Leads] "duplicates": an open lead of the last 30 days with the phone or e-mail; idempotency keys).
/// </summary>
public abstract class LeadIntakeTests<THost>(THost api) where THost : ApiHost
{
    private const string Source = "lk_demo_website_redesign";

    private async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private static LeadIntake.Submission Submission(string? phone = null, string? email = null, string? key = null, string? caller = null, long? partnerId = null) => new(
        new Lead
        {
            FirstName = "Batch",
            Phone = phone,
            Email = email,
            SubmissionSource = Source,
            IdempotencyKey = key,
            Channel = LeadChannels.LandingPage,
            Status = LeadStatus.New,
            Temperature = LeadTemperature.Warm,
            CreatedAt = DateTime.UtcNow,
            FirstResponseDueAt = DateTime.UtcNow.AddHours(1),
            TouchCount = 1,
            PartnerId = partnerId,
        },
        new LeadIntake.Caller(caller, caller is null ? Source : caller + "-client"),
        lead => new AuditLogEntry { Operation = "submitLead", TargetIds = $"Lead:{lead.Id}" });

    private static string Phone() => "+" + new string(LeadApi.NewPhone().Where(char.IsDigit).ToArray());

    /// <summary>A lead stored directly, <paramref name="age"/> old, in <paramref name="status"/>.</summary>
    private Task<Lead> ExistingAsync(string? phone, string? email, TimeSpan age, LeadStatus status = LeadStatus.New, string? key = null) => WithDbAsync(async db =>
    {
        var lead = new Lead
        {
            FirstName = "Earlier", Phone = phone, Email = email, Status = status, Channel = LeadChannels.Website,
            CreatedAt = DateTime.UtcNow - age, SubmissionSource = key is null ? null : Source, IdempotencyKey = key,
        };
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead;
    });

    [Fact]
    public async Task Batch_StoresWhatIsNew_AndHandsBackWhatMatchesEarlierRowsOrAnEarlierSubmissionOfTheBatch()
    {
        var (p1, p2, p3, p4, p5) = (Phone(), Phone(), Phone(), Phone(), Phone());
        var (e1, e2) = ($"{Guid.NewGuid():N}@batch.example", $"{Guid.NewGuid():N}@batch.example");
        var (k1, k2, k3) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await ExistingAsync(p2, null, TimeSpan.FromDays(30) - TimeSpan.FromMinutes(5));          // open, inside the window
        await ExistingAsync(p3, null, TimeSpan.FromDays(30) + TimeSpan.FromMinutes(5));          // open, just outside it
        await ExistingAsync(null, e1, TimeSpan.FromDays(1), LeadStatus.Refused);                 // closed
        await ExistingAsync(p4, null, TimeSpan.FromDays(400), LeadStatus.Converted, key: k2);    // old and closed, but its key
        var touched = await ExistingAsync(Phone(), null, TimeSpan.FromDays(1));
        await WithDbAsync(db =>
        {
            db.Activities.Add(new Activity { LeadId = touched.Id, Type = ActivityType.FormSubmission, Subject = "touch", OccurredAt = DateTime.UtcNow, SubmissionSource = Source, IdempotencyKey = k3 });
            return db.SaveChangesAsync();
        });
        var intake = api.Services.GetRequiredService<LeadIntake>();
        LeadIntake.Submission[] batch =
        [
            Submission(phone: p1, key: k1, caller: "alice"), // new
            Submission(phone: p1),                           // the first one's phone, in the same batch
            Submission(phone: p2),                           // an open lead of the last 30 days
            Submission(phone: p3, email: e1),                // only an open lead of 30 days and 5 minutes ago, and a refused one
            Submission(phone: p5, key: k2),                  // a key an earlier lead has
            Submission(phone: Phone(), key: k3),             // a key an earlier touch has
            Submission(email: e2),                           // new, anonymous
        ];

        api.Sql.Clear();
        await intake.StoreAsync(batch);
        var statements = api.Sql.Statements.ToList();

        var outcomes = await Task.WhenAll(batch.Select(s => s.Stored.Task));
        Assert.Equal([true, false, false, true, false, false, true], outcomes);
        var stored = new[] { batch[0], batch[3], batch[6] };
        Assert.All(stored, s => Assert.True(s.Lead.Id > 0));
        var audit = await WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => stored.Select(s => "Lead:" + s.Lead.Id).Contains(a.TargetIds)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(
            [("alice", "alice-client", $"Lead:{batch[0].Lead.Id}"), (null, Source, $"Lead:{batch[3].Lead.Id}"), (null, Source, $"Lead:{batch[6].Lead.Id}")],
            audit.Select(a => (a.Actor, a.ClientId, a.TargetIds)));
        var leads = await WithDbAsync(db => db.Leads.AsNoTracking().Where(l => stored.Select(s => s.Lead.Id).Contains(l.Id)).OrderBy(l => l.Id).ToListAsync());
        Assert.Equal(["alice", null, null], leads.Select(l => l.CreatedBy));
        Assert.Equal(1, await WithDbAsync(db => db.Leads.CountAsync(l => l.Phone == p1)));
        Assert.Equal(0, await WithDbAsync(db => db.Leads.CountAsync(l => l.Phone == p5)));
        // One duplicate check for the whole batch, then the leads and the audit entries (one statement each on
        // PostgreSQL, which batches; one per row on SQLite).
        Assert.Contains("UNION ALL", statements[0]);
        Assert.True(statements.Count == (api.Provider == "Sqlite" ? 1 + 2 * stored.Length : 3), string.Join("\n----\n", statements));
    }

    [Fact]
    public async Task Batch_WhoseWriteFails_StoresNothing_AndHandsEverySubmissionBack()
    {
        var good = Submission(phone: Phone());
        var bad = Submission(phone: Phone(), partnerId: 999_999); // no such partner: the insert violates a foreign key
        var intake = api.Services.GetRequiredService<LeadIntake>();
        var audited = await WithDbAsync(db => db.AuditLog.CountAsync(a => a.TargetIds.StartsWith("Lead:")));

        await intake.StoreAsync([good, bad]);

        var outcomes = await Task.WhenAll(good.Stored.Task, bad.Stored.Task);
        Assert.Equal([false, false], outcomes);
        Assert.Equal(0, await WithDbAsync(db => db.Leads.CountAsync(l => l.Phone == good.Lead.Phone || l.Phone == bad.Lead.Phone)));
        Assert.Equal(audited, await WithDbAsync(db => db.AuditLog.CountAsync(a => a.TargetIds.StartsWith("Lead:"))));
    }

    [Fact]
    public async Task ConcurrentSubmissions_OfOnePerson_MakeOneLead_AndTheOthersRepeatTouches()
    {
        var form = LeadApi.Form();

        var payloads = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => api.SubmitAsync(form, idempotencyKey: $"{Guid.NewGuid()}")));

        Assert.All(payloads, p => p.AssertOk());
        Assert.Single(payloads.Select(p => (string)p["lead"]!["id"]!).Distinct());
        Assert.Equal(11, payloads.Count(p => (bool)p["repeatTouch"]!));
        var phone = LeadApi.E164(form);
        Assert.Equal(12, await WithDbAsync(db => db.Leads.Where(l => l.Phone == phone).Select(l => l.TouchCount).SingleAsync()));
    }

    [Fact]
    public async Task ConcurrentSubmissions_OfDifferentPeople_AreEachStoredOnce_WithTheirAuditEntry()
    {
        var forms = Enumerable.Range(0, 40).Select(_ => LeadApi.Form()).ToList();

        var payloads = await Task.WhenAll(forms.Select(f => api.SubmitAsync(f, idempotencyKey: $"{Guid.NewGuid()}")));

        Assert.All(payloads, p => p.AssertOk());
        var ids = payloads.Select(p => (string)p["lead"]!["id"]!).ToList();
        Assert.Equal(40, ids.Distinct().Count());
        var phones = forms.Select(LeadApi.E164).ToList();
        Assert.Equal(40, await WithDbAsync(db => db.Leads.CountAsync(l => phones.Contains(l.Phone!))));
        var audited = await WithDbAsync(db => db.AuditLog.Where(a => a.Operation == "submitLead" && ids.Contains(a.TargetIds)).Select(a => a.TargetIds).ToListAsync());
        Assert.Equal(ids.Order(), audited.Order());
    }
}

public sealed class DefaultLeadIntakeTests(DefaultApi api) : LeadIntakeTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresLeadIntakeTests(PostgresApi api) : LeadIntakeTests<PostgresApi>(api), IClassFixture<PostgresApi>;

/// <summary>The batch's duplicate check on SQL Server (production; no server runs here, so the translation is checked).</summary>
public sealed class LeadIntakeSqlServerTests
{
    [Fact]
    public async Task DuplicateCheck_TranslatesOnSqlServer_AsOneStatement_FilteringOnIndexedColumnsOnly()
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();
        var lead = new Lead { FirstName = "Batch", Phone = "+493012345678", Email = "batch@example.com", SubmissionSource = "lk_demo", IdempotencyKey = "key-1" };

        await LeadIntake.EarlierAsync(db, [new LeadIntake.Submission(lead, new LeadIntake.Caller(null, "lk_demo"), _ => new AuditLogEntry())], DateTime.UtcNow.AddDays(-30));

        var sql = Assert.Single(noServer.Commands);
        Assert.Contains("UNION ALL", sql);
        // The window is selected, not filtered on: the planner keeps to the (source, key), phone and e-mail indexes.
        var leadsWhere = sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..sql.IndexOf("UNION ALL", StringComparison.Ordinal)];
        Assert.DoesNotContain("CreatedAt", leadsWhere);
        Assert.Contains("[Phone]", leadsWhere);
    }
}
