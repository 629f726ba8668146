using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Domain.Webhooks;

namespace Platform.Api.Observability;

/// <summary>A span per webhook delivery attempt (the HTTP call is its child) and the attempts counted by outcome.</summary>
public sealed class WebhookDeliveryTelemetry
{
    private readonly Counter<long> _attempts;

    public WebhookDeliveryTelemetry(IMeterFactory meters) =>
        _attempts = meters.Create(PlatformTelemetry.Name).CreateCounter<long>("platform.webhooks.attempts", "{attempt}",
            "Webhook delivery attempts by outcome: succeeded, retry (failed, retried later) or failed (failed for good).");

    /// <summary>The attempt's span, when traced.</summary>
    public Activity? Start(WebhookDelivery delivery)
    {
        var span = PlatformTelemetry.Source.StartActivity("webhook.send");
        span?.SetTag("webhook.event_type", delivery.Type);
        span?.SetTag("webhook.delivery.id", delivery.Id);
        span?.SetTag("webhook.subscription.id", delivery.SubscriptionId);
        span?.SetTag("webhook.attempt", delivery.Attempts + 1);
        return span;
    }

    /// <summary>Records the attempt's outcome on its span and in the counter.</summary>
    public void Record(Activity? span, WebhookDeliveryStatus outcome, int? status, string? error)
    {
        var name = outcome switch
        {
            WebhookDeliveryStatus.Succeeded => "succeeded",
            WebhookDeliveryStatus.Pending => "retry",
            _ => "failed",
        };
        if (span is not null)
        {
            span.SetTag("webhook.outcome", name);
            span.SetTag("http.response.status_code", status);
            if (error is not null)
                span.SetStatus(ActivityStatusCode.Error, error);
        }
        _attempts.Add(1, new KeyValuePair<string, object?>("outcome", name));
    }
}
