using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Outbox;

namespace Platform.Api.Webhooks;

/// <summary>
/// Delivers webhooks in the background (<see cref="WebhookOptions.RunDispatcher"/>), alongside any number of other
/// processes on the same database: fans new outbox events out to deliveries, claims due deliveries and sends them, and
/// deletes fanned-out outbox events older than <see cref="WebhookOptions.OutboxRetention"/>. Runs at once when this
/// process commits events or a delivery is requested, else every <see cref="WebhookOptions.PollInterval"/>.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, OutboxSignal outbox, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _running = new(1, 1);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTime _retainedAt = DateTime.MinValue;

    /// <summary>Runs a round soon: a delivery was requested.</summary>
    public void Wake() => Interlocked.Exchange(ref _wake, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunDispatcher)
            return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = Task.WhenAny(outbox.Next, Volatile.Read(ref _wake).Task);
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "A webhook dispatch round failed; retrying at the next poll.");
                }
                await Task.WhenAny(next, Task.Delay(options.Value.PollInterval, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: fan out every new event and send every due delivery, batch by batch, and apply the outbox retention.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
            var batch = options.Value.BatchSize;
            // Fan-out and delivery take turns, so a backlog of events does not hold up the deliveries already made; a
            // delivery sent makes the next of its aggregate due.
            int fannedOut, delivered;
            do
            {
                fannedOut = await WebhookFanOut.RunAsync(db, batch, Now(), ct);
                delivered = await DeliverDueAsync(scope.ServiceProvider, db, ct);
            }
            while (fannedOut == batch || delivered > 0);
            await ApplyRetentionAsync(db, ct);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Claims due deliveries, sends them concurrently and records how each went; returns how many it claimed.</summary>
    internal async Task<int> DeliverDueAsync(IServiceProvider services, PlatformDbContext db, CancellationToken ct)
    {
        var now = Now();
        var claimed = await WebhookClaims.ClaimAsync(db, now, now + options.Value.ClaimLease, options.Value.BatchSize, ct);
        if (claimed.Count == 0)
            return 0;
        var subscriptionIds = claimed.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        // A subscription deleted meanwhile took its deliveries with it.
        var attempts = await Task.WhenAll(claimed.Where(d => subscriptions.ContainsKey(d.SubscriptionId))
            .Select(delivery => sender.SendAsync(delivery, subscriptions[delivery.SubscriptionId], ct)));
        // Its own context: the deliveries it attaches are not tracked for the rest of the round.
        await using var outcomes = services.CreatePlatformDbContext(new SystemActor());
        await WebhookOutcomes.RecordAsync(outcomes, attempts, options.Value, ct);
        return claimed.Count;
    }

    private async Task ApplyRetentionAsync(PlatformDbContext db, CancellationToken ct)
    {
        var now = Now();
        if (now - _retainedAt < RetentionInterval)
            return;
        _retainedAt = now;
        var cutoff = now - options.Value.OutboxRetention;
        await db.OutboxEvents.Where(e => e.FannedOutAt != null && e.OccurredAt < cutoff).ExecuteDeleteAsync(ct);
    }

    /// <summary>The clock to the millisecond, as every database stores it (a claim's lease is compared for equality).</summary>
    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
