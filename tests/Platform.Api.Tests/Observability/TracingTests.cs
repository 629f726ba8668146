using System.Diagnostics;
using Platform.Api.Observability;
using Platform.Api.Tests.Leads;
using Platform.Api.Tests.Webhooks;
using Platform.GraphQL.Server.Telemetry;

namespace Platform.Api.Tests.Observability;

/// <summary>Spans of a GraphQL request (under its HTTP span, over its database commands) and of a webhook delivery.</summary>
public sealed class TracingTests(ObservedApi api) : IClassFixture<ObservedApi>
{
    [Fact]
    public async Task GraphQLRequest_IsAnOperationSpanUnderTheHttpSpan_OverItsDatabaseCommands()
    {
        var name = $"Traced{Guid.NewGuid():N}";
        await api.QueryAsync($"query {name} {{ leads(first: 1) {{ nodes {{ id }} }} }}");

        var operation = OperationSpan(name);
        Assert.Equal($"query {name}", operation.DisplayName);
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal(0, operation.GetTagItem("graphql.error.count"));
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        Assert.Equal(ActivityKind.Server, operation.Parent?.Kind);
        Assert.Contains(api.Spans, span => span.ParentSpanId == operation.SpanId && span.Source.Name.Contains("EntityFrameworkCore") && span.Kind == ActivityKind.Client);
    }

    [Fact]
    public async Task GraphQLRequestWithErrors_MarksItsSpanFailed()
    {
        var name = $"Failing{Guid.NewGuid():N}";
        var result = await api.PostAsync(api.Client, $"query {name} {{ leads(first: -5) {{ nodes {{ id }} }} }}");

        var operation = OperationSpan(name);
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal(result["errors"]!.AsArray().Count, operation.GetTagItem("graphql.error.count"));
        Assert.Equal((string?)result["errors"]![0]!["extensions"]!["code"], operation.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
    }

    [Fact]
    public async Task WebhookDelivery_IsASendSpanOverTheHttpCall()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.SubscribeAsync(api.Client, receiver.Url, "lead.created");
        await api.NewLeadAsync();

        await api.DispatchAsync();
        await receiver.NextAsync();

        var call = api.Spans.Single(span => span.Kind == ActivityKind.Client && span.GetTagItem("url.full") is string url && url.StartsWith(receiver.Url, StringComparison.Ordinal));
        var send = api.Spans.Single(span => span.SpanId == call.ParentSpanId);
        Assert.Equal(PlatformTelemetry.Name, send.Source.Name);
        Assert.Equal("webhook.send", send.DisplayName);
        Assert.Equal("lead.created", send.GetTagItem("webhook.event_type"));
        Assert.Equal("succeeded", send.GetTagItem("webhook.outcome"));
        Assert.Equal(200, send.GetTagItem("http.response.status_code"));
    }

    private Activity OperationSpan(string name) =>
        api.Spans.Single(span => span.Source.Name == GraphQLTelemetry.Name && (string?)span.GetTagItem("graphql.operation.name") == name);
}
