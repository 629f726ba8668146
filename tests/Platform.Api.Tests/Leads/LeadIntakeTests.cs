using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Leads.Submission;
using Platform.Api.Privacy;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Domain.Auditing;
using Platform.Domain.Leads;
using Platform.Domain.Privacy;

namespace Platform.Api.Tests.Leads;

/// <summary>
/// The group commit of submissions (<see cref="LeadIntake"/>): a batch stores new people as leads and known people (an
/// open lead of the last 30 days with the phone or e-mail, in the database or earlier in the batch) as repeat touches,
/// and hands back, after its commit, what repeats an idempotency key.
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
            PhoneClaim = phone,
            EmailClaim = email,
        },
        new Activity { Type = ActivityType.FormSubmission, Subject = "touch", OccurredAt = DateTime.UtcNow, SubmissionSource = key is null ? null : Source, IdempotencyKey = key },
        new ConsentRecord { GivenAt = DateTime.UtcNow },
        new LeadIntake.Caller(caller, caller is null ? Source : caller + "-client"),
        (lead, touched) => new AuditLogEntry { Operation = touched ? "submitLead:touch" : "submitLead", TargetIds = $"Lead:{lead.Id}" },
        new Person(phone, email).Hashes());

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
    public async Task Batch_StoresNewPeopleAsLeads_KnownPeopleAsTouches_AndHandsBackTakenKeys()
    {
        var (p1, p2, p3, p4, p5) = (Phone(), Phone(), Phone(), Phone(), Phone());
        var (e1, e2) = ($"{Guid.NewGuid():N}@batch.example", $"{Guid.NewGuid():N}@batch.example");
        var (k1, k2, k3) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var open = await ExistingAsync(p2, null, TimeSpan.FromDays(30) - TimeSpan.FromMinutes(5)); // open, inside the window
        var old = await ExistingAsync(p3, null, TimeSpan.FromDays(30) + TimeSpan.FromMinutes(5));  // open, just outside it
        var refused = await ExistingAsync(null, e1, TimeSpan.FromDays(1), LeadStatus.Refused);    // closed
        await ExistingAsync(p4, null, TimeSpan.FromDays(400), LeadStatus.Converted, key: k2);     // old and closed, but its key
        var touched = await ExistingAsync(Phone(), null, TimeSpan.FromDays(1));
        await WithDbAsync(async db =>
        {
            db.Activities.Add(new Activity { LeadId = touched.Id, Type = ActivityType.FormSubmission, Subject = "touch", OccurredAt = DateTime.UtcNow, SubmissionSource = Source, IdempotencyKey = k3 });
            await db.SaveChangesAsync();
            // The leads outside the window still hold their claims, as leads the intake made do.
            return await db.Leads.Where(l => l.Id == old.Id || l.Id == refused.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.PhoneClaim, l => l.Phone).SetProperty(l => l.EmailClaim, l => l.Email));
        });
        var intake = api.Services.GetRequiredService<LeadIntake>();
        LeadIntake.Submission[] batch =
        [
            Submission(phone: p1, key: k1, caller: "alice"), // new
            Submission(phone: p1, caller: "bob"),            // the first one's phone, in the same batch: a touch on it
            Submission(phone: p2),                           // an open lead of the last 30 days: a touch on it
            Submission(phone: p3, email: e1),                // only an open lead of 30 days and 5 minutes ago, and a refused one
            Submission(phone: p5, key: k2),                  // a key an earlier lead has
            Submission(phone: Phone(), key: k3),             // a key an earlier touch has
            Submission(email: e2),                           // new, anonymous
        ];

        api.Sql.Clear();
        await intake.StoreAsync(batch);
        // The KPI day rollup rows of the new leads go with the leads' insert: in its command on PostgreSQL, one command
        // per row on SQLite, which sends every row alone.
        var (rollups, statements) = LeadApi.SqlOf(api.Sql.Statements);

        var outcomes = await Task.WhenAll(batch.Select(s => s.Result.Task));
        Assert.Equal([LeadIntake.OutcomeKind.Created, LeadIntake.OutcomeKind.Touched, LeadIntake.OutcomeKind.Touched, LeadIntake.OutcomeKind.Created,
            LeadIntake.OutcomeKind.HandedBack, LeadIntake.OutcomeKind.HandedBack, LeadIntake.OutcomeKind.Created], outcomes.Select(o => o.Kind));
        Assert.Equal(batch[0].Lead.Id, outcomes[1].LeadId);
        Assert.Equal(open.Id, outcomes[2].LeadId);
        var created = new[] { batch[0], batch[3], batch[6] };
        Assert.All(created, s => Assert.Equal(s.Lead.Id, outcomes[Array.IndexOf(batch, s)].LeadId));
        var audit = await WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Operation.StartsWith("submitLead"))
            .Where(a => new[] { batch[0].Lead.Id, batch[3].Lead.Id, batch[6].Lead.Id, open.Id }.Select(id => "Lead:" + id).Contains(a.TargetIds)).OrderBy(a => a.Id).ToListAsync());
        (string?, string?, string, long)[] expected =
        [
            ("alice", "alice-client", "submitLead", batch[0].Lead.Id), ("bob", "bob-client", "submitLead:touch", batch[0].Lead.Id),
            (null, Source, "submitLead:touch", open.Id), (null, Source, "submitLead", batch[3].Lead.Id), (null, Source, "submitLead", batch[6].Lead.Id),
        ];
        Assert.Equal(expected.Order(), audit.Select(a => (a.Actor, a.ClientId, a.Operation, long.Parse(a.TargetIds["Lead:".Length..]))).Order());
        var leads = await WithDbAsync(db => db.Leads.AsNoTracking().Include(l => l.Activities).Where(l => l.Phone == p1 || l.Id == open.Id).OrderBy(l => l.Id).ToListAsync());
        Assert.Equal([(open.Id, open.TouchCount + 1, 1), (batch[0].Lead.Id, 2, 1)], leads.Select(l => (l.Id, l.TouchCount, l.Activities.Count)));
        Assert.Equal("bob", leads[1].Activities.Single().CreatedBy);
        Assert.Equal(0, await WithDbAsync(db => db.Leads.CountAsync(l => l.Phone == p5)));
        // The stale claims of the lead outside the window and of the refused one were taken over by the new lead.
        var claims = await WithDbAsync(db => db.Leads.Where(l => l.Id == old.Id || l.Id == refused.Id || l.Id == batch[3].Lead.Id).OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.PhoneClaim, l.EmailClaim }).ToListAsync());
        Assert.Equal([(old.Id, null, null), (refused.Id, null, null), (batch[3].Lead.Id, p3, e1)], claims.Select(l => (l.Id, l.PhoneClaim, l.EmailClaim)));
        // One suppression check and one duplicate check for the whole batch, the release of stale claims, the raise of the touch counts, the read of
        // the touched leads for their events, then the inserts (with the known lead's touch event and the touches' consent
        // evidence), the new leads' events (created, status, assigned and the touch of the new one) and the audit entries.
        Assert.Contains("\"Suppressions\"", statements[0]);
        Assert.Contains("UNION ALL", statements[1]);
        Assert.Contains("PhoneClaim", statements[2]);
        Assert.Contains("TouchCount", statements[3]);
        Assert.Contains("\"Version\"", statements[4]);
        Assert.True(statements.Count == (api.Provider == "Sqlite" ? 1 + 4 + 3 + 2 + 2 + 1 + 10 + 5 : 9), string.Join("\n----\n", statements));
        Assert.True(api.Provider == "Sqlite" ? rollups >= 7 : rollups == 0, $"{rollups} rollup statements");
    }

    [Fact]
    public async Task Batch_WhoseWriteFails_StoresNothing_AndHandsEverySubmissionBack()
    {
        var good = Submission(phone: Phone());
        var bad = Submission(phone: Phone(), partnerId: 999_999); // no such partner: the insert violates a foreign key
        var intake = api.Services.GetRequiredService<LeadIntake>();
        var audited = await WithDbAsync(db => db.AuditLog.CountAsync(a => a.TargetIds.StartsWith("Lead:")));

        await intake.StoreAsync([good, bad]);

        var outcomes = await Task.WhenAll(good.Result.Task, bad.Result.Task);
        Assert.Equal([LeadIntake.Outcome.HandedBack, LeadIntake.Outcome.HandedBack], outcomes);
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

        await LeadIntake.EarlierAsync(db, [new LeadIntake.Submission(lead, new Activity(), new ConsentRecord(), new LeadIntake.Caller(null, "lk_demo"), (_, _) => new AuditLogEntry(), [])], DateTime.UtcNow.AddDays(-30));

        var sql = Assert.Single(noServer.Commands);
        Assert.Contains("UNION ALL", sql);
        // The window is selected, not filtered on: the planner keeps to the (source, key), phone and e-mail indexes.
        var leadsWhere = sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..sql.IndexOf("UNION ALL", StringComparison.Ordinal)];
        Assert.DoesNotContain("CreatedAt", leadsWhere);
        Assert.Contains("[Phone]", leadsWhere);
    }
}
