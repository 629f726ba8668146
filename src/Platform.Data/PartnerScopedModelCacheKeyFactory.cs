using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Platform.Data;

/// <summary>Keeps two models per context type: the plain one, and one with partner isolation filters for partner-scoped contexts.</summary>
internal sealed class PartnerScopedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is PlatformDbContext { IsPartnerScoped: true }, designTime);
}
