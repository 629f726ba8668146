using Platform.Domain.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>How one attempt of a claimed delivery went: what <see cref="WebhookOutcomes"/> records.</summary>
public sealed record WebhookAttempt(
    WebhookDelivery Delivery, WebhookDeliveryStatus Outcome, DateTime At, DateTime NextAttemptAt, int? ResponseStatus, int DurationMs, string? Error)
{
    public bool Succeeded => Outcome == WebhookDeliveryStatus.Succeeded;
}
