using Microsoft.EntityFrameworkCore;
using Platform.Domain.Leads;

namespace Platform.Data;

// Lead ownership in the data layer: when the current actor is a manager, every query of this context (lists, node
// lookups, DataLoader batches, nested fields, mutations loading a lead) sees only the leads that manager owns. Like
// partner isolation, the filter lives in a model of its own (PartnerScopedModelCacheKeyFactory), so heads of sales,
// admins and machine clients run unfiltered SQL.
public abstract partial class PlatformDbContext
{
    /// <summary>The staff user whose leads this context is restricted to, from its <see cref="Actor"/>; null: all leads.</summary>
    protected long? ScopedOwnerId => Actor.LeadOwnerId;

    private void ApplyLeadOwnership(ModelBuilder modelBuilder)
    {
        if (ModelKind == ActorKind.LeadOwner)
            modelBuilder.Entity<Lead>().HasQueryFilter(l => l.OwnerId == ScopedOwnerId);
    }
}
