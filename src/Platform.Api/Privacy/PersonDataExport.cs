using System.Text.Json;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Api.Leads.Submission;
using Platform.Data;
using Platform.Domain.Auditing;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Privacy;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Privacy;

/// <summary>
/// <c>personDataExport</c> (an access request): one JSON document with everything the platform holds about a person —
/// the same places <see cref="PersonErasure"/> erases — and an audit entry saying who asked, for which records. Fields are
/// named, and enums and references written, as the GraphQL types read them (<c>status: "IN_PROGRESS"</c>,
/// <c>client: {"id": …}</c>); the document's schema is in docs/privacy.md.
/// </summary>
public sealed class PersonDataExport(PlatformDbContext db, ContactNormalizer normalizer)
{
    /// <summary>The name of the query field, and so of its audit entries' operation.</summary>
    public const string Operation = "personDataExport";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The document, audited; or why the request names nobody.</summary>
    public async Task<(string? Document, ValidationError? Error)> ExportAsync(string? phone, string? email, CancellationToken ct)
    {
        var (person, error) = Person.From(phone, email, normalizer);
        if (person is null)
            return (null, error);
        var leads = await person.Leads(db).AsNoTracking().Include(l => l.Consents).OrderBy(l => l.Id).ToListAsync(ct);
        var contacts = await person.Contacts(db).AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var clients = await person.Clients(db).AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var personClientIds = clients.Where(c => c.Kind == ClientKind.Person).Select(c => c.Id).ToList();
        var activities = await person.Activities(db, leads.ConvertAll(l => l.Id), personClientIds).AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var textIds = leads.SelectMany(l => l.Consents).Select(c => c.ConsentTextId).OfType<long>().Distinct().ToList();
        var texts = await db.ConsentTexts.AsNoTracking().Where(t => textIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Text, ct);
        var hashes = person.Hashes();
        var suppressed = await db.Suppressions.AnyAsync(s => hashes.Contains(s.Hash), ct);

        var document = JsonSerializer.Serialize(new
        {
            person = new { person.Phone, person.Email },
            suppressed,
            leads = leads.Select(l => Lead(l, texts, activities)),
            contacts = contacts.Select(c => new
            {
                id = GlobalId.Encode(nameof(Contact), c.Id), client = new { id = GlobalId.Encode(nameof(Client), c.ClientId) },
                c.FirstName, c.LastName, c.Position, c.Phone, c.Email, c.Notes, c.CreatedAt, c.UpdatedAt,
            }),
            clients = clients.Select(c => new
            {
                id = GlobalId.Encode(nameof(Client), c.Id), c.Name, kind = c.Kind.ToString().ToConstantCase(), c.Phone, c.Email, c.Notes, c.Region, c.CreatedAt,
                activities = activities.Where(a => a.ClientId == c.Id && a.LeadId is null).Select(Activity),
            }),
        }, Json);

        db.AuditLog.Add(new AuditLogEntry
        {
            Operation = Operation,
            TargetIds = string.Join(",", leads.Select(l => GlobalId.Encode(nameof(Domain.Leads.Lead), l.Id))
                .Concat(contacts.Select(c => GlobalId.Encode(nameof(Contact), c.Id))).Concat(clients.Select(c => GlobalId.Encode(nameof(Client), c.Id)))),
            Details = JsonSerializer.Serialize(new { outcome = "ok", errors = Array.Empty<string>(), fault = (string?)null }),
        });
        await db.SaveChangesAsync(ct);
        return (document, null);
    }

    private static object Lead(Lead l, Dictionary<long, string> texts, List<Activity> activities) => new
    {
        id = GlobalId.Encode(nameof(Domain.Leads.Lead), l.Id),
        l.FirstName, l.LastName, l.Phone, l.Email, l.Company, l.Position, l.Region, l.Message, l.EstimateParameters,
        l.Channel, l.LandingPage, l.PageUrl, l.Referrer, l.UtmSource, l.UtmMedium, l.UtmCampaign, l.UtmTerm, l.UtmContent,
        status = l.Status.ToString().ToConstantCase(), l.CreatedAt, l.UpdatedAt, l.TouchCount, l.NextContactAt, l.NextContactTopic,
        l.TargetCriteria, l.RefusalReason, l.RefusedAt, l.ConvertedAt,
        l.MarketingConsent, l.ConsentText, l.ConsentAt,
        consents = l.Consents.OrderBy(c => c.Id).Select(c => new
        {
            consentTextId = c.ConsentTextId is { } id ? GlobalId.Encode(nameof(ConsentText), id) : null,
            consentText = c.ConsentTextId is { } textId ? texts.GetValueOrDefault(textId) : null,
            c.Granted, c.GivenAt, c.PageUrl, c.IpAddress, c.UserAgent,
        }),
        activities = activities.Where(a => a.LeadId == l.Id).Select(Activity),
    };

    private static object Activity(Activity a) => new
    {
        id = GlobalId.Encode(nameof(Domain.Leads.Activity), a.Id),
        type = a.Type.ToString().ToConstantCase(), direction = a.Direction.ToString().ToConstantCase(), a.Subject, a.OccurredAt, a.ScheduledAt, a.DoneAt, a.Result, a.NextContactAt, a.NextContactTopic, a.Agreements,
    };
}
