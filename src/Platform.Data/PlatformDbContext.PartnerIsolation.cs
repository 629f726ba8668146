using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;
using Platform.Domain.Webhooks;

namespace Platform.Data;

// Partner isolation in the data layer: when the current actor is bound to a partner, every query of this context
// (lists, node lookups, DataLoader batches, nested fields, filters, counts) sees only that partner's rows. Default
// deny: a business entity not listed below is invisible to partners. The filters live in a second model, used only
// for partner-scoped contexts (PartnerScopedModelCacheKeyFactory), so everyone else's SQL carries no trace of them.
public abstract partial class PlatformDbContext
{
    /// <summary>The partner this context is restricted to, from its <see cref="Actor"/>; null: unrestricted.</summary>
    protected long? ScopedPartnerId => Actor.PartnerId;

    /// <summary>Reference data every caller may read.</summary>
    private static readonly HashSet<Type> SharedWithPartners = [typeof(Pipeline), typeof(PipelineStage), typeof(ReferralProgram)];

    private void ApplyPartnerIsolation(ModelBuilder modelBuilder)
    {
        if (ModelKind != ActorKind.Partner)
            return;

        // ScopedPartnerId is read per context when a query runs, so all partners share this one model.
        // Leads the partner referred or was given (R12).
        modelBuilder.Entity<Lead>().HasQueryFilter(l => l.PartnerId == ScopedPartnerId || l.AssignedPartnerId == ScopedPartnerId);
        modelBuilder.Entity<Partner>().HasQueryFilter(p => p.Id == ScopedPartnerId);
        modelBuilder.Entity<Referral>().HasQueryFilter(r => r.PartnerId == ScopedPartnerId);
        modelBuilder.Entity<ReferralCode>().HasQueryFilter(c => c.PartnerId == ScopedPartnerId);
        modelBuilder.Entity<ReferralProgramPartner>().HasQueryFilter(e => e.PartnerId == ScopedPartnerId);
        modelBuilder.Entity<Payout>().HasQueryFilter(p => p.PartnerId == ScopedPartnerId);
        // Webhook subscriptions of the partner's own clients (the service narrows them to the calling client).
        modelBuilder.Entity<WebhookSubscription>().HasQueryFilter(s => s.PartnerId == ScopedPartnerId);
        modelBuilder.Entity<Reward>().HasQueryFilter(w => Set<Referral>().Any(r => r.Id == w.ReferralId && r.PartnerId == ScopedPartnerId));

        var deny = typeof(PlatformDbContext).GetMethod(nameof(DenyPartners), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            var clrType = entityType.ClrType;
            if (typeof(Entity).IsAssignableFrom(clrType) && entityType.BaseType is null && !entityType.GetDeclaredQueryFilters().Any() && !SharedWithPartners.Contains(clrType))
                deny.MakeGenericMethod(clrType).Invoke(null, [modelBuilder]);
        }
    }

    private static void DenyPartners<TEntity>(ModelBuilder modelBuilder) where TEntity : class =>
        modelBuilder.Entity<TEntity>().HasQueryFilter(_ => false);
}
