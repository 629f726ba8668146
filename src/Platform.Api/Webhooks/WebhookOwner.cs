using System.Security.Claims;
using Platform.Api.Common;
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
    public static WebhookOwner Of(ClaimsPrincipal user, ICurrentActor actor) =>
        new(CallerKeys.Of(user, actor), new EventCaller(actor.PartnerId, actor.LeadOwnerId), user.IsInRole(StaffRoles.Admin), user);
}
