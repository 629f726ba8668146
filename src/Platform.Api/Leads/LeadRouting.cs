using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Leads;
using Platform.Domain.Staff;

namespace Platform.Api.Leads;

/// <summary>
/// Automatic assignment (SPEC §2.5, §5.5): warm and hot leads go to the best-ranked available
/// manager («Oferă oportunități bune celor mai buni manageri»); among equal ranks, to the one with
/// the fewest open leads. Cold leads wait for the head of sales (a novice only with scripts).
/// </summary>
public sealed class LeadRouting(PlatformDbContext db)
{
    private static readonly SalesRole[] LeadRoles = [SalesRole.Generation, SalesRole.Conversion];

    /// <summary>The manager a new lead of <paramref name="temperature"/> goes to, or null to leave it unassigned.</summary>
    public async Task<long?> PickOwnerAsync(LeadTemperature temperature, CancellationToken ct)
    {
        if (temperature == LeadTemperature.Cold)
            return null;
        return await db.StaffUsers.AsNoTracking()
            .Where(s => s.IsActive && s.IsAvailable && LeadRoles.Contains(s.SalesRole))
            .OrderBy(s => s.SkillRank)
            .ThenBy(s => db.Leads.Count(l => l.OwnerId == s.Id
                && (l.Status == LeadStatus.New || l.Status == LeadStatus.Assigned || l.Status == LeadStatus.InProgress || l.Status == LeadStatus.Qualified)))
            .ThenBy(s => s.Id)
            .Select(s => (long?)s.Id)
            .FirstOrDefaultAsync(ct);
    }
}
