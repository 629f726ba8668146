using System.Security.Claims;
using OpenIddict.Abstractions;
using Platform.Api.Events;
using Platform.Api.Security;
using Platform.Data;

namespace Platform.Api.Webhooks;

/// <summary>
/// The caller managing webhooks: the key its subscriptions are owned by (a machine client's id, or the staff user), and
/// what limits the events it may receive. An admin sees and changes every subscription.
/// </summary>
public sealed record WebhookOwner(string Key, EventCaller Events, bool IsAdmin, ClaimsPrincipal User)
{
    public static WebhookOwner Of(ClaimsPrincipal user, ICurrentActor actor)
    {
        var key = user.GetClaim(PlatformClaims.StaffUserId) is { } staffId
            ? "staff:" + staffId
            : actor.ClientId ?? throw new InvalidOperationException("A webhook owner needs a client id.");
        return new WebhookOwner(key, new EventCaller(actor.PartnerId, actor.LeadOwnerId), user.IsInRole(StaffRoles.Admin), user);
    }
}
