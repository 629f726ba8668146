using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Domain.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>
/// Makes one attempt of a claimed delivery: POSTs the signed message and records the outcome, if the claim is still
/// this dispatcher's. A 2xx answer is a success; anything else, a timeout or no connection is retried after the next
/// wait of the schedule (with jitter) until it runs out. A subscription whose every attempt failed for
/// <see cref="WebhookOptions.DisableAfter"/> is disabled, with the reason.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory http, IOptions<WebhookOptions> options, TimeProvider time)
{
    /// <summary>The name of the <see cref="HttpClient"/> deliveries are sent with.</summary>
    public const string HttpClientName = "webhooks";

    public async Task SendAsync(PlatformDbContext db, WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var (status, error) = await PostAsync(delivery, subscription, started, ct);
        var duration = (int)clock.ElapsedMilliseconds;
        var now = started.UtcDateTime;
        var succeeded = status is >= 200 and < 300;
        var attempts = delivery.Attempts + 1;
        var retries = options.Value.Retries;
        var outcome = succeeded ? WebhookDeliveryStatus.Succeeded : attempts > retries.Count ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        var next = outcome == WebhookDeliveryStatus.Pending ? now + retries[attempts - 1] * (1 + options.Value.Jitter * Random.Shared.NextDouble()) : now;
        var lease = delivery.LockedUntil;
        var recorded = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.LockedUntil == lease).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.Status, outcome)
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.LockedUntil, (DateTime?)null)
            .SetProperty(d => d.LastAttemptAt, now)
            .SetProperty(d => d.ResponseStatus, status)
            .SetProperty(d => d.DurationMs, duration)
            .SetProperty(d => d.Error, error)
            .SetProperty(d => d.DeliveredAt, succeeded ? now : null), ct);
        if (recorded == 0)
            return; // the lease ran out and another dispatcher has it
        await RecordHealthAsync(db, subscription.Id, succeeded, now, status, error, ct);
    }

    private async Task<(int? Status, string? Error)> PostAsync(WebhookDelivery delivery, WebhookSubscription subscription, DateTimeOffset now, CancellationToken ct)
    {
        var id = WebhookMessage.IdOf(delivery);
        var body = WebhookMessage.BodyOf(delivery, now);
        var timestamp = now.ToUnixTimeSeconds();
        var signature = WebhookSecrets.Sign(subscription.Secret, id, timestamp, body);
        if (subscription.PreviousSecret is { } previous && subscription.PreviousSecretExpiresAt > now.UtcDateTime)
            signature += " " + WebhookSecrets.Sign(previous, id, timestamp, body);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode}.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            return (null, Truncate(e.InnerException?.Message ?? e.Message));
        }
    }

    /// <summary>A success ends a failing streak; a streak as long as <see cref="WebhookOptions.DisableAfter"/> disables the subscription.</summary>
    private async Task RecordHealthAsync(PlatformDbContext db, long subscriptionId, bool succeeded, DateTime now, int? status, string? error, CancellationToken ct)
    {
        var subscriptions = db.WebhookSubscriptions.Where(s => s.Id == subscriptionId);
        if (succeeded)
        {
            await subscriptions.Where(s => s.FailingSince != null).ExecuteUpdateAsync(u => u.SetProperty(s => s.FailingSince, (DateTime?)null), ct);
            return;
        }
        await subscriptions.Where(s => s.FailingSince == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.FailingSince, now), ct);
        var failingSince = now - options.Value.DisableAfter;
        var reason = Truncate($"Every attempt failed for {options.Value.DisableAfter.TotalHours:0.#} hours; the last: {error ?? $"HTTP {status}"}");
        await subscriptions.Where(s => s.IsEnabled && s.FailingSince <= failingSince).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.IsEnabled, false)
            .SetProperty(s => s.DisabledReason, reason), ct);
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
