using System.Security.Claims;
using OpenIddict.Abstractions;
using Platform.Api.Security;
using Platform.Data;

namespace Platform.Api.Common;

/// <summary>The key what a caller owns is stored under: a machine client's id, or <c>staff:</c> and the staff user's id.</summary>
public static class CallerKeys
{
    public static string Of(ClaimsPrincipal user, ICurrentActor actor) =>
        user.GetClaim(PlatformClaims.StaffUserId) is { } staffId
            ? "staff:" + staffId
            : actor.ClientId ?? throw new InvalidOperationException("The caller has no client id.");
}
