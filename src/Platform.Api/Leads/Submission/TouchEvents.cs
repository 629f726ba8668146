using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Outbox;
using Platform.Domain.Events;
using Platform.Domain.Leads;

namespace Platform.Api.Leads.Submission;

/// <summary>
/// The <c>lead.touched</c> events of repeat touches whose counts were raised in the database (not on tracked leads): one
/// statement reads the touched leads, after the raise and in its transaction, so each event carries the version the raise
/// gave its lead. The rows are added to the context, for the caller's save.
/// </summary>
internal static class TouchEvents
{
    /// <summary>One event per entry of <paramref name="touchedLeadIds"/> (a lead touched twice gets two).</summary>
    public static async Task AddAsync(PlatformDbContext db, IReadOnlyCollection<long> touchedLeadIds, DateTime now, CancellationToken ct)
    {
        if (touchedLeadIds.Count == 0)
            return;
        var ids = touchedLeadIds.Distinct().ToList();
        var leads = await db.Leads.IgnoreQueryFilters().AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new Lead { Id = l.Id, Version = l.Version, OwnerId = l.OwnerId, PartnerId = l.PartnerId, AssignedPartnerId = l.AssignedPartnerId })
            .ToDictionaryAsync(l => l.Id, ct);
        var touched = new DomainEvent(EventTypes.LeadTouched, "{}");
        db.OutboxEvents.AddRange(touchedLeadIds.Select(id => OutboxRows.Of(leads[id], leads[id].Version, touched, now)));
    }
}
