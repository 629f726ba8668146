using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Referrals;

/// <summary>
/// R12: leads are distributed among the dealers by region — each lead goes to the active dealer whose regions
/// include the lead's region (the first by name when several do); the dealer's token then sees it.
/// </summary>
public sealed class LeadDistribution(PlatformDbContext db, TimeProvider time)
{
    public async Task<DistributeLeadsPayload> DistributeAsync(IReadOnlyList<long> leadIds, CancellationToken ct)
    {
        if (leadIds.Count is 0 or > PageRequest.MaxPageSize)
            return new([], [], [new ValidationError("leadIds", $"Give 1 to {PageRequest.MaxPageSize} leads.")]);
        var dealers = await db.Partners.AsNoTracking().Where(p => p.Type == PartnerType.Dealer && p.IsActive && p.Regions != null)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
        var leads = await db.Leads.Where(l => leadIds.Contains(l.Id)).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var distributed = new List<Lead>();
        foreach (var lead in leads)
        {
            var dealer = dealers.FirstOrDefault(d => lead.Region is { } region
                && d.Regions!.Split(',', StringSplitOptions.TrimEntries).Contains(region.Trim(), StringComparer.OrdinalIgnoreCase));
            if (dealer is null)
                continue;
            lead.DistributeTo(dealer.Id, now);
            distributed.Add(lead);
        }
        await db.SaveChangesAsync(ct);
        var unmatched = leadIds.Except(distributed.Select(l => l.Id)).Select(id => GlobalId.Encode(nameof(Lead), id)).ToList();
        return new(distributed, unmatched, []);
    }
}
