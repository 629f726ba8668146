using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Outbox;
using Platform.Domain.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>
/// Delivers webhooks in the background (<see cref="WebhookOptions.RunDispatcher"/>), alongside any number of other
/// processes on the same database: fans new outbox events out to deliveries, claims due deliveries and sends them, and
/// deletes fanned-out outbox events older than <see cref="WebhookOptions.OutboxRetention"/> and finished deliveries
/// older than <see cref="WebhookOptions.DeliveryRetention"/>. Fan-out and delivery run
/// side by side, so deliveries go out while the next events are fanned out: fan-out at once when this process commits
/// events, delivery at once when fan-out made deliveries or one is requested, each else every
/// <see cref="WebhookOptions.PollInterval"/>.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, OutboxSignal outbox, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _fanningOut = new(1, 1);
    private readonly SemaphoreSlim _delivering = new(1, 1);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTime _retainedAt = DateTime.MinValue;

    /// <summary>Delivers soon: deliveries were made or requested.</summary>
    public void Wake() => Interlocked.Exchange(ref _wake, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunDispatcher)
            return;
        await Task.WhenAll(
            RepeatAsync(() => outbox.Next, FanOutAllAsync, stoppingToken),
            RepeatAsync(() => Volatile.Read(ref _wake).Task, DeliverAllAsync, stoppingToken));
    }

    /// <summary>Runs <paramref name="work"/> whenever <paramref name="signal"/> completes, and at least every poll interval.</summary>
    private async Task RepeatAsync(Func<Task> signal, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = signal();
            try
            {
                await work(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Webhook dispatch failed; retrying at the next poll.");
            }
            await Task.WhenAny(next, Task.Delay(options.Value.PollInterval, stoppingToken));
        }
    }

    /// <summary>Fans out every new event, waking delivery after each batch, and applies the retention.</summary>
    private async Task FanOutAllAsync(CancellationToken ct)
    {
        int fannedOut;
        do
        {
            fannedOut = await FanOutAsync(ct);
            if (fannedOut > 0)
                Wake();
        }
        while (fannedOut == options.Value.BatchSize);
        await ApplyRetentionAsync(ct);
    }

    private async Task DeliverAllAsync(CancellationToken ct)
    {
        while (await DeliverAsync(ct) > 0)
        {
        }
    }

    /// <summary>
    /// One round, fan-out and delivery in turns until neither finds work (a delivery sent makes the next of its aggregate
    /// due), then the retention: what the background loops do, in the caller's time.
    /// </summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        int fannedOut, delivered;
        do
        {
            fannedOut = await FanOutAsync(ct);
            delivered = await DeliverAsync(ct);
        }
        while (fannedOut == options.Value.BatchSize || delivered > 0);
        await ApplyRetentionAsync(ct);
    }

    /// <summary>Fans out one batch of new events; returns how many it took.</summary>
    private async Task<int> FanOutAsync(CancellationToken ct)
    {
        await _fanningOut.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
            return await WebhookFanOut.RunAsync(db, options.Value.BatchSize, Now(), ct);
        }
        finally
        {
            _fanningOut.Release();
        }
    }

    /// <summary>Claims due deliveries, sends them concurrently and records how each went; returns how many it claimed.</summary>
    private async Task<int> DeliverAsync(CancellationToken ct)
    {
        await _delivering.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
            var now = Now();
            var claimed = await WebhookClaims.ClaimAsync(db, now, now + options.Value.ClaimLease, options.Value.BatchSize, ct);
            if (claimed.Count == 0)
                return 0;
            var subscriptionIds = claimed.Select(d => d.SubscriptionId).Distinct().ToList();
            var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            // A subscription deleted meanwhile took its deliveries with it.
            var attempts = await Task.WhenAll(claimed.Where(d => subscriptions.ContainsKey(d.SubscriptionId))
                .Select(delivery => sender.SendAsync(delivery, subscriptions[delivery.SubscriptionId], ct)));
            await WebhookOutcomes.RecordAsync(db, attempts, options.Value, ct);
            return claimed.Count;
        }
        finally
        {
            _delivering.Release();
        }
    }

    /// <summary>
    /// At most once a minute (and whenever the clock was set back), deletes fanned-out outbox events and finished
    /// deliveries past their retention. Each is one statement; processes deleting the same rows at once do no harm.
    /// </summary>
    private async Task ApplyRetentionAsync(CancellationToken ct)
    {
        var now = Now();
        if (now >= _retainedAt && now - _retainedAt < RetentionInterval)
            return;
        _retainedAt = now;
        var eventsBefore = now - options.Value.OutboxRetention;
        var deliveriesBefore = now - options.Value.DeliveryRetention;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
        await db.OutboxEvents.Where(e => e.FannedOutAt != null && e.OccurredAt < eventsBefore).ExecuteDeleteAsync(ct);
        // Pending deliveries (claimed ones too) stay whatever their age: they are still to be sent. A delivery is attempted
        // after it is made, so only those made before the cutoff need looking at (an index on CreatedAt finds them).
        await db.WebhookDeliveries
            .Where(d => d.CreatedAt < deliveriesBefore && (d.Status == WebhookDeliveryStatus.Succeeded || d.Status == WebhookDeliveryStatus.Failed)
                && (d.LastAttemptAt ?? d.CreatedAt) < deliveriesBefore)
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>The clock to the millisecond, as every database stores it (a claim's lease is compared for equality).</summary>
    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
