using OpenIddict.Abstractions;
using Platform.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Api.Security;

/// <summary>The authenticated caller of the current HTTP request, for audit stamps; <c>system</c> outside a request.</summary>
internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string? Name => accessor.HttpContext is { } http
        ? http.User.Identity?.IsAuthenticated == true ? http.User.GetClaim(Claims.Name) ?? http.User.GetClaim(Claims.Subject) : null
        : SystemActor.SystemName;

    public long? PartnerId => accessor.HttpContext?.User.GetClaim(PlatformClaims.PartnerId) is { } id
        ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>A manager (without a head-of-sales or admin role) sees only own leads; a manager linked to no staff user none (-1).</summary>
    public long? LeadOwnerId => accessor.HttpContext?.User is { } user && user.IsInRole(StaffRoles.Manager)
        && !user.IsInRole(StaffRoles.HeadOfSales) && !user.IsInRole(StaffRoles.Admin)
        ? user.GetClaim(PlatformClaims.StaffUserId) is { } id ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : -1
        : null;

    public string? ClientId => accessor.HttpContext?.User.GetClaim(Claims.ClientId) ?? accessor.HttpContext?.User.GetClaim(Claims.Subject);
}
