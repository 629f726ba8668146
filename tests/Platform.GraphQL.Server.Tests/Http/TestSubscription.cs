using GraphQL.Types;

namespace Platform.GraphQL.Server.Tests.Http;

/// <summary>Exists so a subscription can be sent; the HTTP transport must refuse it before it runs.</summary>
public sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription()
    {
        Name = "Subscription";
        Field<StringGraphType>("ticks").ResolveStream(_ => new CompletedObservable());
    }

    private sealed class CompletedObservable : IObservable<string?>, IDisposable
    {
        public IDisposable Subscribe(IObserver<string?> observer)
        {
            observer.OnCompleted();
            return this;
        }

        public void Dispose()
        {
        }
    }
}
