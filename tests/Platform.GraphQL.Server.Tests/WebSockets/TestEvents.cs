using System.Collections.Concurrent;

namespace Platform.GraphQL.Server.Tests.WebSockets;

/// <summary>Event streams a test controls, one per topic, so each test watches only its own subscribers.</summary>
public sealed class TestEvents
{
    /// <summary>The role <c>adminEvents</c> needs.</summary>
    public const string AdminRole = "admin";

    private readonly ConcurrentDictionary<string, TestTopic> _topics = new();

    public TestTopic Topic(string name) => _topics.GetOrAdd(name, _ => new TestTopic());
}

/// <summary>An observable of strings that tells when a subscriber came and went.</summary>
public sealed class TestTopic : IObservable<string?>
{
    private readonly List<IObserver<string?>> _observers = [];
    private readonly SemaphoreSlim _subscribed = new(0);
    private readonly SemaphoreSlim _unsubscribed = new(0);
    private int _executions;

    /// <summary>How often a field counting on this topic was executed for an event.</summary>
    public int Executions => Volatile.Read(ref _executions);

    public void CountExecution() => Interlocked.Increment(ref _executions);

    public IDisposable Subscribe(IObserver<string?> observer)
    {
        lock (_observers)
            _observers.Add(observer);
        _subscribed.Release();
        return new Subscription(this, observer);
    }

    public void Publish(string value)
    {
        foreach (var observer in Snapshot())
            observer.OnNext(value);
    }

    public void Complete()
    {
        foreach (var observer in Snapshot())
            observer.OnCompleted();
    }

    public async Task WaitForSubscriberAsync() => Assert.True(await _subscribed.WaitAsync(TimeSpan.FromMinutes(1)), "No subscriber came.");

    public async Task WaitForUnsubscribeAsync() => Assert.True(await _unsubscribed.WaitAsync(TimeSpan.FromMinutes(1)), "No subscriber left.");

    private IObserver<string?>[] Snapshot()
    {
        lock (_observers)
            return [.. _observers];
    }

    private sealed class Subscription(TestTopic topic, IObserver<string?> observer) : IDisposable
    {
        public void Dispose()
        {
            bool removed;
            lock (topic._observers)
                removed = topic._observers.Remove(observer);
            if (removed)
                topic._unsubscribed.Release();
        }
    }
}
