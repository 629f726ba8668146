using System.Globalization;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Platform.Data;
using Platform.Domain.Events;
using Platform.GraphQL.Server.Subscriptions;

namespace Platform.Api.Events;

/// <summary>
/// The root <c>Subscription</c> type (over WebSocket, graphql-transport-ws): committed changes as they happen, from the
/// outbox. Each field delivers what its caller may read: a partner only the events of its own leads, referrals, rewards
/// and payouts; a manager only those of the leads they own.
/// </summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "Committed changes as they happen, in order per object; each event names the changed object, fetch it with `node(id:)`.";
        foreach (var stream in EventStreams.All)
            Stream(stream.Field, stream.Description, stream.Visible);
    }

    /// <summary>
    /// A field streaming the events <paramref name="visible"/> lets the subscribing caller see. The <c>Event</c> type's
    /// fields read only the event, so subscribers with the same document share each event's result.
    /// </summary>
    private void Stream(string name, string description, Func<EventCaller, Func<OutboxEvent, bool>> visible) =>
        AddField(new FieldType
        {
            Name = name,
            Description = description,
            Type = typeof(NonNullGraphType<EventGraphType>),
            Arguments = new QueryArguments(
                new QueryArgument<EventFilterInputType> { Name = "filter", Description = "Only some event types; omitted: all." },
                new QueryArgument<IdGraphType> { Name = "after", Description = "The `id` of the last event received: the events committed since come first (a reconnecting client misses nothing). Omitted: only events committed from now on." }),
            Resolver = new FuncFieldResolver<object?>(context => context.Source),
            StreamResolver = new SourceStreamResolver<object?>(async context =>
            {
                var feed = context.RequestServices!.GetRequiredService<OutboxFeed>();
                var filter = context.GetArgument<EventFilter?>("filter") ?? new EventFilter();
                // Read now: events are delivered on the feed's thread, outside the caller's request.
                var actor = context.RequestServices!.GetRequiredService<ICurrentActor>();
                var sees = visible(new EventCaller(actor.PartnerId, actor.LeadOwnerId));
                var after = context.GetArgument<string?>("after") is { } id
                    ? long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ExecutionError($"`after` is not an event id: {id}")
                    : await feed.NewestAsync(context.CancellationToken);
                return new FeedObservable(feed, e => filter.Accepts(e.Type) && sees(e), after);
            }),
        }).ShareEventResults();

    private sealed class FeedObservable(OutboxFeed feed, Func<OutboxEvent, bool> accepts, long after) : IObservable<object?>
    {
        public IDisposable Subscribe(IObserver<object?> observer) => feed.Subscribe(accepts, observer, after);
    }
}
