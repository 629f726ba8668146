using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Outbox;
using Platform.Domain.Events;

namespace Platform.Api.Events;

/// <summary>
/// Reads the committed outbox rows in id order while anyone subscribes — at once when this process commits some or
/// another announces its commit through Redis (<see cref="OutboxSignal"/>), else every <see cref="EventOptions.PollInterval"/>
/// — and hands each to the
/// subscribers whose filter takes it. Ids are drawn before commit, so a lower id may commit after a higher one: the feed
/// waits at a missing id until <see cref="GapGrace"/> has passed (a rolled-back insert never fills it), so nothing
/// committed is skipped and each aggregate's events go out in order. Each subscriber starts after an event id it names.
/// </summary>
public sealed class OutboxFeed(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<EventOptions> options, ILogger<OutboxFeed> logger)
    : BackgroundService
{
    /// <summary>How long a missing id is waited for before it counts as rolled back.</summary>
    internal static readonly TimeSpan GapGrace = TimeSpan.FromSeconds(3);

    /// <summary>The shortest wait before a missing id is looked at again.</summary>
    private static readonly TimeSpan GapRecheck = TimeSpan.FromMilliseconds(50);

    private const int Page = 500;

    private readonly Lock _gate = new();
    private ImmutableList<Subscriber> _subscribers = [];
    private TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _last;
    private long? _gapSince;

    /// <summary>The id of the newest committed event: where a subscription that names none starts.</summary>
    public Task<long> NewestAsync(CancellationToken ct) => ReadAsync(async db => await db.OutboxEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0);

    /// <summary>
    /// Hands every event <paramref name="accepts"/> takes to <paramref name="observer"/> until the result is disposed:
    /// first those committed after <paramref name="after"/> that the feed has passed (a catch-up read of the outbox by
    /// id), then each as the feed reads it, none twice.
    /// </summary>
    public IDisposable Subscribe(Func<OutboxEvent, bool> accepts, IObserver<object?> observer, long after)
    {
        // Never an event the subscriber had already, should it name one the feed has not reached yet.
        var subscriber = new Subscriber(e => e.Id > after && accepts(e), observer);
        long position;
        lock (_gate)
        {
            // An idle feed read nothing: it starts where its first subscriber does, at once (the wake-ups of what was
            // committed meanwhile found no subscriber).
            if (_subscribers.IsEmpty)
            {
                _last = after;
                _gapSince = null;
                Interlocked.Exchange(ref _joined, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
            _subscribers = _subscribers.Add(subscriber);
            position = _last;
        }
        _ = CatchUpAsync(subscriber, after, position);
        return new Unsubscriber(() => { lock (_gate) _subscribers = _subscribers.Remove(subscriber); });
    }

    /// <summary>Delivers the accepted rows in (<paramref name="after"/>, <paramref name="position"/>], then what the feed buffered meanwhile.</summary>
    private async Task CatchUpAsync(Subscriber subscriber, long after, long position)
    {
        try
        {
            while (after < position)
            {
                var from = after;
                var rows = await ReadAsync(db => db.OutboxEvents.AsNoTracking().Where(e => e.Id > from && e.Id <= position).OrderBy(e => e.Id).Take(Page).ToListAsync());
                foreach (var row in rows.Where(subscriber.Accepts))
                    subscriber.Observer.OnNext(row);
                after = rows.Count < Page ? position : rows[^1].Id;
            }
            subscriber.GoLive();
        }
        catch (Exception e)
        {
            subscriber.Observer.OnError(e);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = signal.Next;
                var joined = Volatile.Read(ref _joined).Task;
                try
                {
                    if (!_subscribers.IsEmpty)
                        await DeliverAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Reading the outbox failed; retrying at the next poll.");
                }
                await Task.WhenAny(next, joined, Task.Delay(UntilNextRead(), stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var subscriber in _subscribers)
                subscriber.Observer.OnCompleted();
        }
    }

    /// <summary>Delivers the rows after the last delivered one, up to a missing id still within its grace.</summary>
    private async Task DeliverAsync(CancellationToken ct)
    {
        while (true)
        {
            var last = _last;
            var rows = await ReadAsync(db => db.OutboxEvents.AsNoTracking().Where(e => e.Id > last).OrderBy(e => e.Id).Take(Page).ToListAsync(ct));
            foreach (var row in rows)
            {
                if (row.Id != _last + 1 && !GapExpired())
                    return;
                _gapSince = null;
                // With the position, so a subscriber added meanwhile catches up to exactly here.
                lock (_gate)
                {
                    _last = row.Id;
                    foreach (var subscriber in _subscribers.Where(x => x.Accepts(row)))
                        subscriber.Deliver(row);
                }
            }
            if (rows.Count < Page)
                return;
        }
    }

    /// <summary>The poll interval, or less when the feed waits at a missing id: it reads again once the id's grace has passed.</summary>
    private TimeSpan UntilNextRead()
    {
        // Only a feed with subscribers reads on past the gap (an idle one starts anew at its next subscriber).
        if (_gapSince is not { } since || _subscribers.IsEmpty)
            return options.Value.PollInterval;
        // Not at once even when the grace has passed: a read that keeps failing is not retried in a loop.
        var left = GapGrace - Stopwatch.GetElapsedTime(since);
        return TimeSpan.FromTicks(Math.Min(Math.Max(left.Ticks, GapRecheck.Ticks), options.Value.PollInterval.Ticks));
    }

    private bool GapExpired()
    {
        var now = Stopwatch.GetTimestamp();
        _gapSince ??= now;
        return Stopwatch.GetElapsedTime(_gapSince.Value, now) >= GapGrace;
    }

    private async Task<T> ReadAsync<T>(Func<PlatformDbContext, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        // The feed reads for everyone; each subscriber's filter decides what it receives.
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
        return await read(db);
    }

    /// <summary>One subscription; while it catches up, what the feed reads waits in its buffer.</summary>
    private sealed class Subscriber(Func<OutboxEvent, bool> accepts, IObserver<object?> observer)
    {
        private readonly Lock _lock = new();
        private List<OutboxEvent>? _buffer = [];

        public IObserver<object?> Observer => observer;

        public bool Accepts(OutboxEvent row) => accepts(row);

        public void Deliver(OutboxEvent row)
        {
            lock (_lock)
            {
                if (_buffer is not null)
                    _buffer.Add(row);
                else
                    observer.OnNext(row);
            }
        }

        public void GoLive()
        {
            lock (_lock)
            {
                foreach (var row in _buffer ?? [])
                    observer.OnNext(row);
                _buffer = null;
            }
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                dispose();
        }
    }
}
