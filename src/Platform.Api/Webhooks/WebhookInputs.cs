using GraphQL.Types;

namespace Platform.Api.Webhooks;

/// <summary>Input of <c>createWebhookSubscription</c>.</summary>
public sealed class CreateWebhookSubscriptionInput
{
    public string Url { get; set; } = "";
    public List<string> Events { get; set; } = [];
    public string? Description { get; set; }
}

/// <summary>Input of <c>updateWebhookSubscription</c>; omitted fields stay as they are.</summary>
public sealed class UpdateWebhookSubscriptionInput
{
    public string SubscriptionId { get; set; } = "";
    public string? Url { get; set; }
    public List<string>? Events { get; set; }
    public string? Description { get; set; }
    public bool? Enabled { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>Input of the mutations that name one subscription.</summary>
public sealed class WebhookSubscriptionIdInput
{
    public string SubscriptionId { get; set; } = "";
}

/// <summary>Input of <c>redeliverWebhook</c>.</summary>
public sealed class RedeliverWebhookInput
{
    public string DeliveryId { get; set; } = "";
}

/// <summary>The <c>CreateWebhookSubscriptionInput</c> type.</summary>
public sealed class CreateWebhookSubscriptionInputType : InputObjectGraphType<CreateWebhookSubscriptionInput>
{
    public CreateWebhookSubscriptionInputType()
    {
        Name = "CreateWebhookSubscriptionInput";
        Description = "A new webhook receiver.";
        Field(x => x.Url).Description("Where events are POSTed: https, on a public address (at most 2048 characters).");
        Field(x => x.Events).Description("The event types to deliver, e.g. `[\"lead.created\", \"order.paid\"]`; at least one, each one the caller may receive.");
        Field(x => x.Description, nullable: true).Description("What the receiver is for (at most 1000 characters).");
    }
}

/// <summary>The <c>UpdateWebhookSubscriptionInput</c> type.</summary>
public sealed class UpdateWebhookSubscriptionInputType : InputObjectGraphType<UpdateWebhookSubscriptionInput>
{
    public UpdateWebhookSubscriptionInputType()
    {
        Name = "UpdateWebhookSubscriptionInput";
        Description = "Changes to a webhook subscription; omitted fields stay as they are.";
        Field<NonNullGraphType<IdGraphType>>("subscriptionId").Description("The subscription.");
        Field(x => x.Url, nullable: true).Description("A new URL, checked as on creation.");
        Field(x => x.Events, nullable: true).Description("A new list of event types; it replaces the old one.");
        Field(x => x.Description, nullable: true).Description("A new description; an empty one clears it.");
        Field(x => x.Enabled, nullable: true).Description("`false` stops deliveries; `true` resumes them (also after the subscription was disabled for failing) and clears the reason.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The version the change is based on; a concurrent change makes it `CONFLICT`.");
    }
}

/// <summary>The <c>WebhookSubscriptionIdInput</c> type.</summary>
public sealed class WebhookSubscriptionIdInputType : InputObjectGraphType<WebhookSubscriptionIdInput>
{
    public WebhookSubscriptionIdInputType()
    {
        Name = "WebhookSubscriptionIdInput";
        Description = "Names a webhook subscription.";
        Field<NonNullGraphType<IdGraphType>>("subscriptionId").Description("The subscription.");
    }
}

/// <summary>The <c>RedeliverWebhookInput</c> type.</summary>
public sealed class RedeliverWebhookInputType : InputObjectGraphType<RedeliverWebhookInput>
{
    public RedeliverWebhookInputType()
    {
        Name = "RedeliverWebhookInput";
        Description = "Names a webhook delivery to send again.";
        Field<NonNullGraphType<IdGraphType>>("deliveryId").Description("The delivery.");
    }
}
