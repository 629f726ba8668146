using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Common;
using Platform.Api.Events;
using Platform.Api.Security;
using Platform.Data;
using Platform.Domain.Webhooks;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Webhooks;

/// <summary>
/// Webhook subscriptions managed by their owner (an admin: anyone's). Every check comes before anything is stored.
/// A subscription not the caller's is answered as one that does not exist.
/// </summary>
public sealed class WebhookService(
    PlatformDbContext db, TimeProvider time, IAuthorizationService authorization, WebhookReceivers receivers,
    IOptions<WebhookOptions> options, WebhookDispatcher dispatcher, IHttpContextAccessor http, ICurrentActor actor)
{
    private WebhookOwner? _owner;

    /// <summary>The caller.</summary>
    private WebhookOwner Owner => _owner ??= WebhookOwner.Of(http.HttpContext?.User ?? throw new InvalidOperationException("Webhooks are managed within a request."), actor);

    /// <summary>The subscriptions the caller may see.</summary>
    public IQueryable<WebhookSubscription> Subscriptions()
    {
        var key = Owner.Key;
        return Owner.IsAdmin ? db.WebhookSubscriptions : db.WebhookSubscriptions.Where(s => s.OwnerKey == key);
    }

    /// <summary>The deliveries of the subscriptions the caller may see.</summary>
    public IQueryable<WebhookDelivery> Deliveries() =>
        db.WebhookDeliveries.Where(d => Subscriptions().Any(s => s.Id == d.SubscriptionId));

    public async Task<WebhookPayload<WebhookSubscription>> CreateAsync(CreateWebhookSubscriptionInput input, CancellationToken ct)
    {
        var description = TextInputs.Clean(input.Description);
        var problem = await UrlProblemAsync(input.Url, ct) ?? await EventsProblemAsync(input.Events)
            ?? db.Check<WebhookSubscription>(nameof(WebhookSubscription.Description), "description", description, freeText: true);
        if (problem is not null)
            return WebhookPayload<WebhookSubscription>.Failed(problem);
        var subscription = new WebhookSubscription
        {
            OwnerKey = Owner.Key,
            PartnerId = Owner.Events.PartnerId,
            LeadOwnerId = Owner.Events.LeadOwnerId,
            Url = input.Url.Trim(),
            Events = string.Join(',', input.Events.Distinct()),
            Description = description,
            Secret = WebhookSecrets.New(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return WebhookPayload<WebhookSubscription>.Ok(subscription, subscription.Secret);
    }

    public async Task<WebhookPayload<WebhookSubscription>> UpdateAsync(long id, UpdateWebhookSubscriptionInput input, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } subscription)
            return WebhookPayload<WebhookSubscription>.Failed(NotFound(input.SubscriptionId));
        var description = input.Description is null ? subscription.Description : TextInputs.Clean(input.Description);
        var problem = (input.Url is { } url ? await UrlProblemAsync(url, ct) : null)
            ?? (input.Events is { } events ? await EventsProblemAsync(events, subscription) : null)
            ?? db.Check<WebhookSubscription>(nameof(WebhookSubscription.Description), "description", description, freeText: true);
        if (problem is not null)
            return WebhookPayload<WebhookSubscription>.Failed(problem);
        db.Expect(subscription, input.ExpectedVersion);
        subscription.Url = input.Url?.Trim() ?? subscription.Url;
        subscription.Events = input.Events is { } types ? string.Join(',', types.Distinct()) : subscription.Events;
        subscription.Description = description;
        if (input.Events is not null)
            // What the owner may receive is taken again with the events it was just authorized for.
            (subscription.PartnerId, subscription.LeadOwnerId) = (Owner.Events.PartnerId, Owner.Events.LeadOwnerId);
        if (input.Enabled is { } enabled)
        {
            subscription.IsEnabled = enabled;
            if (enabled)
                (subscription.DisabledReason, subscription.FailingSince) = (null, null);
        }
        return await db.SaveOrConflictAsync(subscription, ct) is { } conflict
            ? WebhookPayload<WebhookSubscription>.Failed(conflict)
            : WebhookPayload<WebhookSubscription>.Ok(subscription);
    }

    /// <summary>A new secret; the old one keeps signing too for <see cref="WebhookOptions.SecretOverlap"/>.</summary>
    public async Task<WebhookPayload<WebhookSubscription>> RotateSecretAsync(long id, string globalId, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } subscription)
            return WebhookPayload<WebhookSubscription>.Failed(NotFound(globalId));
        subscription.PreviousSecret = subscription.Secret;
        subscription.PreviousSecretExpiresAt = time.GetUtcNow().UtcDateTime + options.Value.SecretOverlap;
        subscription.Secret = WebhookSecrets.New();
        await db.SaveChangesAsync(ct);
        return WebhookPayload<WebhookSubscription>.Ok(subscription, subscription.Secret);
    }

    /// <summary>Deletes the subscription with its deliveries: nothing more is sent to it.</summary>
    public async Task<WebhookPayload<WebhookSubscription>> DeleteAsync(long id, string globalId, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } subscription)
            return WebhookPayload<WebhookSubscription>.Failed(NotFound(globalId));
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(ct);
        return WebhookPayload<WebhookSubscription>.Ok(subscription);
    }

    /// <summary>Sends a delivery again at once, with the same <c>webhook-id</c>, whatever became of it.</summary>
    public async Task<WebhookPayload<WebhookDelivery>> RedeliverAsync(long id, string globalId, CancellationToken ct)
    {
        var delivery = await Deliveries().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null)
            return WebhookPayload<WebhookDelivery>.Failed(DeliveryNotFound(globalId));
        // A redelivery starts the retry schedule again.
        (delivery.Status, delivery.NextAttemptAt, delivery.Attempts) = (WebhookDeliveryStatus.Pending, time.GetUtcNow().UtcDateTime, 0);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted since it was read: by the retention, or with its subscription.
            return WebhookPayload<WebhookDelivery>.Failed(DeliveryNotFound(globalId));
        }
        dispatcher.Wake();
        return WebhookPayload<WebhookDelivery>.Ok(delivery);
    }

    /// <summary>A <c>webhook.test</c> delivery, due at once.</summary>
    public async Task<WebhookPayload<WebhookDelivery>> SendTestAsync(long id, string globalId, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } subscription)
            return WebhookPayload<WebhookDelivery>.Failed(NotFound(globalId));
        var now = time.GetUtcNow().UtcDateTime;
        var delivery = new WebhookDelivery { SubscriptionId = subscription.Id, Type = WebhookMessage.TestType, OccurredAt = now, CreatedAt = now, NextAttemptAt = now };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        dispatcher.Wake();
        return WebhookPayload<WebhookDelivery>.Ok(delivery);
    }

    private Task<WebhookSubscription?> FindAsync(long id, CancellationToken ct) =>
        Subscriptions().SingleOrDefaultAsync(s => s.Id == id, ct);

    private static NotFoundError NotFound(string id) => new(id, $"No webhook subscription of yours has the ID \"{id}\".");

    private static NotFoundError DeliveryNotFound(string id) => new(id, $"No webhook delivery of yours has the ID \"{id}\".");

    private async Task<IPayloadError?> UrlProblemAsync(string url, CancellationToken ct)
    {
        url = url.Trim();
        if (db.Check<WebhookSubscription>(nameof(WebhookSubscription.Url), "url", url) is { } refused)
            return refused;
        return await receivers.RefusalAsync(url, ct) is { } refusal ? new UnsafeUrlError(url, refusal) : null;
    }

    /// <summary>Each type must exist and the owner may receive it: it passes the policy of the type's subscription field.</summary>
    private async Task<IPayloadError?> EventsProblemAsync(IReadOnlyList<string> events, WebhookSubscription? existing = null)
    {
        // The events are authorized for the caller, so only the owner changes them (an admin may not widen another's).
        if (existing is not null && existing.OwnerKey != Owner.Key)
            return new ValidationError("events", "Only the subscription's owner may change its events.");
        if (events.Count == 0)
            return new ValidationError("events", "Name at least one event type.");
        foreach (var type in events)
        {
            if (EventStreams.Of(type) is not { } stream)
                return new UnknownEventTypeError(type, $"No event has the type \"{type}\".");
            if (!(await authorization.AuthorizeAsync(Owner.User, FieldAccess.SubscriptionPolicy(stream.Field))).Succeeded)
                return new EventNotAllowedError(type, $"You may not receive \"{type}\" events.");
        }
        return null;
    }
}
