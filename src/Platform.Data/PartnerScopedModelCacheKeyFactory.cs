using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Platform.Data;

/// <summary>
/// Keeps up to three models per context type, one per <see cref="ActorKind"/>: the plain one, one with partner isolation
/// filters for partner-scoped contexts, and one with the lead-ownership filter for managers' contexts.
/// </summary>
internal sealed class PartnerScopedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as PlatformDbContext)?.ModelKind ?? ActorKind.Unrestricted, designTime);
}
