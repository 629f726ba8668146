using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Api.Leads;

/// <summary>Changes to leads, each validated and saved atomically.</summary>
public sealed class LeadService(PlatformDbContext db)
{
    /// <summary>Staff may re-classify a lead at any time (DECISIONS [Leads] "temperature").</summary>
    public async Task<LeadPayload> SetTemperatureAsync(string leadId, long id, LeadTemperature temperature, int? expectedVersion, CancellationToken ct)
    {
        var lead = await db.Leads.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (lead is null)
            return LeadPayload.Failed(new NotFoundError(leadId, $"No lead has the ID \"{leadId}\"."));
        db.Expect(lead, expectedVersion);
        lead.Temperature = temperature;
        return await db.SaveOrConflictAsync(lead, ct) is { } conflict ? LeadPayload.Failed(conflict) : LeadPayload.Ok(lead);
    }
}
