using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Api.Observability;
using Platform.Domain.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>
/// Makes one attempt of a claimed delivery: POSTs the signed message. A 2xx answer is a success; anything else, a
/// timeout or no connection is retried after the next wait of the schedule (with jitter) until it runs out.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory http, IOptions<WebhookOptions> options, TimeProvider time, WebhookDeliveryTelemetry telemetry)
{
    /// <summary>The name of the <see cref="HttpClient"/> deliveries are sent with.</summary>
    public const string HttpClientName = "webhooks";

    /// <summary>POSTs <paramref name="delivery"/> once; the outcome is recorded with the rest of its claim.</summary>
    public async Task<WebhookAttempt> SendAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken ct)
    {
        using var span = telemetry.Start(delivery);
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var (status, error) = await PostAsync(delivery, subscription, started, ct);
        var duration = (int)clock.ElapsedMilliseconds;
        var now = started.UtcDateTime;
        var attempts = delivery.Attempts + 1;
        var retries = options.Value.Retries;
        var outcome = status is >= 200 and < 300 ? WebhookDeliveryStatus.Succeeded : attempts > retries.Count ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        var next = outcome == WebhookDeliveryStatus.Pending ? now + retries[attempts - 1] * (1 + options.Value.Jitter * Random.Shared.NextDouble()) : now;
        telemetry.Record(span, outcome, status, error);
        return new WebhookAttempt(delivery, outcome, now, next, status, duration, error);
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

    internal static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
