using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Platform.Data;
using Platform.Domain.Leads;
using Platform.Domain.Staff;

namespace Platform.Api.Leads;

/// <summary>
/// Automatic assignment: warm and hot leads go to the best-ranked available
/// manager («Oferă oportunități bune celor mai buni manageri»), in turn among equal ranks. Cold
/// leads wait for the head of sales (a novice only with scripts). The best-ranked managers are
/// cached briefly, so the submit path costs no query for them.
/// </summary>
public sealed class LeadRouting(PlatformDbContext db, IMemoryCache cache)
{
    private static readonly SalesRole[] LeadRoles = [SalesRole.Generation, SalesRole.Conversion];
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static int _turn;

    /// <summary>
    /// Gives a new <paramref name="lead"/> to <see cref="PickOwnerAsync"/>'s manager, if any: owner, assignment time (its
    /// creation), status <c>ASSIGNED</c>, and its tasks (the online-estimate follow-up) go to that manager too.
    /// </summary>
    public async Task AssignNewAsync(Lead lead, CancellationToken ct)
    {
        if (await PickOwnerAsync(lead.Temperature, ct) is not { } ownerId)
            return;
        lead.Assign(ownerId, lead.CreatedAt);
        foreach (var activity in lead.Activities)
            activity.OwnerId = ownerId;
    }

    /// <summary>The manager a new lead of <paramref name="temperature"/> goes to, or null to leave it unassigned.</summary>
    private async Task<long?> PickOwnerAsync(LeadTemperature temperature, CancellationToken ct)
    {
        if (temperature == LeadTemperature.Cold)
            return null;
        var best = await cache.GetOrCreateAsync("lead-routing-best", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var available = await db.StaffUsers.AsNoTracking()
                .Where(s => s.IsActive && s.IsAvailable && LeadRoles.Contains(s.SalesRole))
                .Select(s => new { s.Id, s.SkillRank })
                .ToListAsync(ct);
            return available.Count == 0 ? [] : available.Where(s => s.SkillRank == available.Min(a => a.SkillRank)).Select(s => s.Id).Order().ToArray();
        }) ?? [];
        return best.Length == 0 ? null : best[(int)((uint)Interlocked.Increment(ref _turn) % (uint)best.Length)];
    }
}
