using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Domain.Webhooks;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Webhooks;

/// <summary>The webhook fields of the root query: the caller's own subscriptions and deliveries (an admin's: everyone's).</summary>
public static class WebhookQueries
{
    private static readonly KeysetOrder<WebhookSubscription> SubscriptionsOldestFirst = KeysetOrder<WebhookSubscription>.By("ID", x => x.Id);
    private static readonly KeysetOrder<WebhookDelivery> DeliveriesNewestFirst = KeysetOrder<WebhookDelivery>.By("ID_DESC", x => x.Id, descending: true);

    public static void AddWebhookQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<WebhookSubscriptionGraphType, WebhookSubscription>>>("webhookSubscriptions")
            .Description("The caller's webhook subscriptions (an admin's: everyone's), oldest first, paged by cursor.")
            .PagingArguments()
            .ResolveAsync(async context => await KeysetPaging.PageAsync(Webhooks(context).Subscriptions().AsNoTracking(), PageRequest.From(context), SubscriptionsOldestFirst, context.CancellationToken));
        query.Field<NonNullGraphType<ConnectionGraphType<WebhookDeliveryGraphType, WebhookDelivery>>>("webhookDeliveries")
            .Description("Deliveries of the caller's webhook subscriptions, newest first, paged by cursor: attempts, the receiver's answer and timing. Succeeded and failed ones are deleted 30 days (by default) after their last attempt.")
            .Argument<IdGraphType>("subscriptionId", "Only this subscription's deliveries.")
            .Argument<EnumerationGraphType<WebhookDeliveryStatus>>("status", "Only deliveries in this status.")
            .PagingArguments()
            .ResolveAsync(async context =>
            {
                var deliveries = Webhooks(context).Deliveries().AsNoTracking();
                if (context.GetArgument<string?>("subscriptionId") is { } subscriptionId)
                {
                    var id = GlobalIds.Decode<WebhookSubscription>(subscriptionId, "subscriptionId");
                    deliveries = deliveries.Where(d => d.SubscriptionId == id);
                }
                if (context.GetArgument<WebhookDeliveryStatus?>("status") is { } status)
                    deliveries = deliveries.Where(d => d.Status == status);
                return await KeysetPaging.PageAsync(deliveries, PageRequest.From(context), DeliveriesNewestFirst, context.CancellationToken);
            });
    }

    private static WebhookService Webhooks(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<WebhookService>();
}
