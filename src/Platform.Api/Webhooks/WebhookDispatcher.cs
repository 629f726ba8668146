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
/// <see cref="WebhookOptions.PollInterval"/>. The next claim is made while the last one's deliveries are sent.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, OutboxSignal outbox, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromMinutes(1);

    /// <summary>Claims the background loop has being sent at once.</summary>
    private const int RoundsInFlight = 2;

    private readonly SemaphoreSlim _fanningOut = new(1, 1);
    private readonly SemaphoreSlim _claiming = new(1, 1);
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

    /// <summary>Claims and delivers until nothing is due, with up to <see cref="RoundsInFlight"/> claims being sent at once.</summary>
    private async Task DeliverAllAsync(CancellationToken ct)
    {
        var rounds = new List<Task>();
        try
        {
            while (true)
            {
                var wake = Volatile.Read(ref _wake).Task;
                if (rounds.Count < RoundsInFlight && await ClaimAsync(ct) is { Count: > 0 } claimed)
                {
                    rounds.Add(SendAndRecordLoggedAsync(claimed, ct));
                    continue;
                }
                if (rounds.Count == 0)
                    return;
                // A round done lets the next deliveries of its aggregates become heads; new deliveries wake the loop.
                await Task.WhenAny(rounds.Count < RoundsInFlight ? [wake, .. rounds] : rounds);
                rounds.RemoveAll(r => r.IsCompleted);
            }
        }
        finally
        {
            await Task.WhenAll(rounds);
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
            var claimed = await ClaimAsync(ct);
            await SendAndRecordAsync(claimed, ct);
            delivered = claimed.Count;
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

    /// <summary>Claims due deliveries (one claim at a time in this process: SQLite has no row locks).</summary>
    private async Task<List<WebhookDelivery>> ClaimAsync(CancellationToken ct)
    {
        await _claiming.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
            var now = Now();
            return await WebhookClaims.ClaimAsync(db, now, now + options.Value.ClaimLease, options.Value.BatchSize, options.Value.ChainLength, ct);
        }
        finally
        {
            _claiming.Release();
        }
    }

    private async Task SendAndRecordLoggedAsync(List<WebhookDelivery> claimed, CancellationToken ct)
    {
        try
        {
            await SendAndRecordAsync(claimed, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Webhook delivery failed; its claim is retried when the lease passes.");
        }
    }

    /// <summary>
    /// Sends a claim's deliveries, each subscription's deliveries of an aggregate in order and the others concurrently,
    /// and records how each went.
    /// </summary>
    private async Task SendAndRecordAsync(List<WebhookDelivery> claimed, CancellationToken ct)
    {
        if (claimed.Count == 0)
            return;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
        var subscriptionIds = claimed.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        // A subscription deleted meanwhile took its deliveries with it.
        var chains = await Task.WhenAll(claimed.Where(d => subscriptions.ContainsKey(d.SubscriptionId))
            .GroupBy(d => (d.SubscriptionId, d.AggregateType, d.AggregateId))
            .Select(chain => SendInOrderAsync(chain, subscriptions[chain.Key.SubscriptionId], ct)));
        var attempts = chains.SelectMany(c => c).ToList();
        var attempted = attempts.Select(a => a.Delivery.Id).ToHashSet();
        await WebhookOutcomes.RecordAsync(db, attempts, claimed.Where(d => !attempted.Contains(d.Id)).ToList(), options.Value, ct);
    }

    /// <summary>One subscription's deliveries of one aggregate, one after another until one fails: the rest wait for its retry.</summary>
    private async Task<List<WebhookAttempt>> SendInOrderAsync(IEnumerable<WebhookDelivery> chain, WebhookSubscription subscription, CancellationToken ct)
    {
        var attempts = new List<WebhookAttempt>();
        foreach (var delivery in chain)
        {
            attempts.Add(await sender.SendAsync(delivery, subscription, ct));
            if (!attempts[^1].Succeeded)
                break;
        }
        return attempts;
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
