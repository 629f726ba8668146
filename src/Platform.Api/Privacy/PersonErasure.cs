using Microsoft.EntityFrameworkCore;
using Platform.Api.Bulk;
using Platform.Api.Common;
using Platform.Api.Imports;
using Platform.Api.Leads.Spool;
using Platform.Api.Leads.Submission;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Privacy;

namespace Platform.Api.Privacy;

/// <summary>
/// <c>erasePerson</c>: irreversibly removes a person's data wherever the platform holds it. This is the one list of those
/// places; a new store of personal data gets its step here:
/// <list type="bullet">
/// <item>leads with the phone or e-mail (<see cref="Domain.Leads.Lead.Erase"/>), their consent evidence (page, IP, user agent) and their activities' texts;</item>
/// <item>contacts with the phone or e-mail, and clients with it (a client that is the person also loses its name, and its activities their texts);</item>
/// <item>submissions rejected as spam from an IP address the person's evidence recorded;</item>
/// <item>this node's spool: submissions of the person not stored yet;</item>
/// <item>bulk export files of leads, clients and activities, deleted (<see cref="BulkExportErasure"/>); exports of them being written start again;</item>
/// <item>uploaded lead import files no queued or running import reads, deleted (<see cref="LeadImportRetention.DeleteIdleUploadsAsync"/>).</item>
/// </list>
/// The audit log, the outbox and webhook deliveries hold ids and codes only, never a name, phone or e-mail, so nothing there
/// changes. Every figure a KPI counts stays (statuses, times, channels, owners, orders); the erased leads no longer claim the
/// phone and e-mail, so a later submission of the person is a new lead unless a suppression entry refuses it.
/// </summary>
public sealed class PersonErasure(
    PlatformDbContext db, ContactNormalizer normalizer, SubmissionSpool spool, TimeProvider time, BulkExportRetention exportRetention, LeadImportRetention importRetention)
{
    /// <summary>How often an erasure that met a concurrent change of one of the records starts again.</summary>
    private const int Attempts = 3;

    public async Task<ErasePersonPayload> EraseAsync(ErasePersonInput input, CancellationToken ct)
    {
        var (person, error) = Person.From(input.Phone, input.Email, normalizer);
        if (person is null)
            return ErasePersonPayload.Failed(error!);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var erased = await EraseStoredAsync(person, input.Suppress, ct);
                // The export files whose links the erasure ended; the retention does it later if this node dies first.
                await exportRetention.DeleteExpiredAsync(ct);
                var uploads = await importRetention.DeleteIdleUploadsAsync(db, ct);
                return new ErasePersonPayload(erased with { SpooledSubmissions = await EraseSpooledAsync(person, ct), ImportUploads = uploads }, []);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // A lead or contact changed meanwhile: read it again and erase it as it is now.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Erases what the database holds, in one transaction, and adds the suppression entries when asked.</summary>
    private async Task<PersonErased> EraseStoredAsync(Person person, bool suppress, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var leads = await person.Leads(db).Include(l => l.Consents).ToListAsync(ct);
        var contacts = await person.Contacts(db).ToListAsync(ct);
        var clients = await person.Clients(db).ToListAsync(ct);
        var leadIds = leads.ConvertAll(l => l.Id);
        var personClientIds = clients.Where(c => c.Kind == ClientKind.Person).Select(c => c.Id).ToList();
        var activities = await person.Activities(db, leadIds, personClientIds).ToListAsync(ct);
        var consents = leads.SelectMany(l => l.Consents).ToList();
        var addresses = consents.Select(c => c.IpAddress).OfType<string>().Distinct().ToList();

        leads.ForEach(l => l.Erase());
        consents.ForEach(c => c.Erase());
        contacts.ForEach(c => c.Erase());
        clients.ForEach(c => c.ErasePerson());
        activities.ForEach(a => a.Erase());
        if (suppress)
            await SuppressAsync(person, ct);
        await db.SaveChangesAsync(ct);
        var rejected = addresses.Count == 0 ? 0
            : await db.RejectedSubmissions.Where(r => r.IpAddress != null && addresses.Contains(r.IpAddress)).ExecuteDeleteAsync(ct);
        var exports = await BulkExportErasure.EraseAsync(db, time.GetUtcNow().UtcDateTime, ct);
        await tx.CommitAsync(ct);
        return new PersonErased(leads.Count, contacts.Count, clients.Count, activities.Count, consents.Count, rejected, 0, exports, 0, suppress);
    }

    /// <summary>Adds the hashes of the person's phone and e-mail to the suppression list, once each.</summary>
    private async Task SuppressAsync(Person person, CancellationToken ct)
    {
        var hashes = person.Hashes();
        var present = await db.Suppressions.Where(s => hashes.Contains(s.Hash)).Select(s => s.Hash).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        db.Suppressions.AddRange(hashes.Except(present).Select(h => new Suppression { Hash = h, CreatedAt = now }));
    }

    /// <summary>Removes the person's submissions waiting in this node's spool; returns how many.</summary>
    private async Task<int> EraseSpooledAsync(Person person, CancellationToken ct)
    {
        if (spool.Depth == 0)
            return 0;
        var removed = 0;
        foreach (var entry in await spool.PeekAsync(spool.Depth, ct))
        {
            var input = SpooledSubmission.FromJson(entry.PayloadJson).Input;
            if (!person.Matches(input.Phone, input.Email, normalizer))
                continue;
            await spool.RemoveAsync(entry.ReceiptId, ct);
            removed++;
        }
        return removed;
    }
}
