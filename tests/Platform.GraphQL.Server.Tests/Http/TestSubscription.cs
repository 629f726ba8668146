using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Platform.GraphQL.Server.Subscriptions;
using Platform.GraphQL.Server.Tests.WebSockets;

namespace Platform.GraphQL.Server.Tests.Http;

/// <summary>
/// <c>ticks</c> exists so a subscription can be sent where the HTTP transport must refuse it; <c>events</c>,
/// <c>adminEvents</c> and <c>sharedEvents</c> (whose subscribers share each event's result, and whose topic counts how
/// often an event was executed) stream what a WebSocket test publishes on a topic of <see cref="TestEvents"/>.
/// </summary>
public sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription()
    {
        Name = "Subscription";
        Field<StringGraphType>("ticks").ResolveStream(_ => new CompletedObservable());
        Field<StringGraphType>("events")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .ResolveStream(TopicOf);
        Field<StringGraphType>("adminEvents")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .AuthorizeWithRoles(TestEvents.AdminRole)
            .ResolveStream(TopicOf);
        Field<StringGraphType>("sharedEvents")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .Resolve(context =>
            {
                context.RequestServices!.GetRequiredService<TestEvents>().Topic(context.GetArgument<string>("topic")).CountExecution();
                return context.Source;
            })
            .ResolveStream(TopicOf)
            .FieldType.ShareEventResults();
    }

    private static IObservable<string?> TopicOf(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<TestEvents>().Topic(context.GetArgument<string>("topic"));

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
