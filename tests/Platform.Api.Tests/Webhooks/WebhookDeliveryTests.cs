using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Events;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Api.Webhooks;
using Platform.Data;
using Platform.Domain.Events;
using Platform.Domain.Webhooks;
using Platform.GraphQL.Server.Relay;
using StandardWebhooks;

namespace Platform.Api.Tests.Webhooks;

/// <summary>
/// Deliveries to real HTTP receivers on loopback, each dispatcher round run by the test and time moved by the test
/// clock: signatures verified by the StandardWebhooks package, retries, leases, disabling, rotation and who receives what.
/// </summary>
public abstract class WebhookDeliveryTests<THost>(THost api) : IAsyncLifetime where THost : ApiHost
{
    private DateTime _now;

    public async Task InitializeAsync()
    {
        api.Clock.FixedAt = null;
        await api.DispatchAsync(); // what earlier tests left
    }

    public Task DisposeAsync()
    {
        api.Clock.FixedAt = null;
        return Task.CompletedTask;
    }

    /// <summary>Fixes the clock at the present, to the millisecond.</summary>
    private void FixClock() => api.Clock.FixedAt = _now = DateTime.UtcNow.AddTicks(-(DateTime.UtcNow.Ticks % TimeSpan.TicksPerMillisecond));

    private void Advance(TimeSpan by) => api.Clock.FixedAt = _now += by;

    [Fact]
    public async Task Delivery_IsSignedAndVerifiesWithTheStandardWebhooksPackage()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await api.SubscribeAsync(api.Client, receiver.Url, "lead.created");
        var leadId = (string)(await api.NewLeadAsync())["id"]!;

        await api.DispatchAsync();
        var received = await receiver.NextAsync();

        new StandardWebhook(secret).Verify(received.Body, received.Headers);
        var json = received.Json;
        Assert.Equal("lead.created", json.GetProperty("type").GetString());
        Assert.Equal(leadId, json.GetProperty("data").GetProperty("aggregateId").GetString());
        Assert.Equal("evt_" + json.GetProperty("data").GetProperty("id").GetString(), received.Id);
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(secret).Verify(received.Body + " ", received.Headers));
    }

    [Fact]
    public async Task Delivery_AnsweredWith500ThenTimingOut_IsRetriedOnScheduleUntilDelivered()
    {
        FixClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answers.Enqueue(500);
        receiver.Answers.Enqueue(WebhookReceiver.Hang);
        var (subscription, _) = await api.SubscribeAsync(api.Client, receiver.Url, "lead.created");
        await api.NewLeadAsync();

        await api.DispatchAsync();
        var afterFirst = (await api.DeliveriesAsync(api.Client, subscription)).Single()!;
        await api.DispatchAsync(); // not due yet
        Advance(TimeSpan.FromSeconds(6)); // 5 s and up to 10 % jitter
        await api.DispatchAsync();
        var afterTimeout = (await api.DeliveriesAsync(api.Client, subscription)).Single()!;
        Advance(TimeSpan.FromMinutes(6));
        await api.DispatchAsync();
        var delivered = (await api.DeliveriesAsync(api.Client, subscription)).Single()!;

        Assert.Equal(("PENDING", 1, 500), ((string)afterFirst["status"]!, (int)afterFirst["attempts"]!, (int)afterFirst["responseStatus"]!));
        Assert.Equal(("PENDING", 2, null), ((string)afterTimeout["status"]!, (int)afterTimeout["attempts"]!, (int?)afterTimeout["responseStatus"]));
        Assert.Contains("No answer", (string)afterTimeout["error"]!);
        Assert.Equal(("SUCCEEDED", 3, 200), ((string)delivered["status"]!, (int)delivered["attempts"]!, (int)delivered["responseStatus"]!));
        Assert.Equal([500, WebhookReceiver.Hang, 200], receiver.All.Select(r => r.Answer));
        Assert.Single(receiver.All.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task Delivery_ToAReceiverDownForAWhile_ArrivesWhenItIsBack()
    {
        FixClock();
        var down = await WebhookReceiver.StartAsync();
        var url = down.Url;
        await down.DisposeAsync();
        var (subscription, _) = await api.SubscribeAsync(api.Client, url, "lead.created");
        await api.NewLeadAsync();

        await api.DispatchAsync();
        var refused = (await api.DeliveriesAsync(api.Client, subscription)).Single()!;
        await using var back = await WebhookReceiver.StartAsync(new Uri(url).Port);
        Advance(TimeSpan.FromSeconds(6));
        await api.DispatchAsync();

        Assert.Equal(("PENDING", 1), ((string)refused["status"]!, (int)refused["attempts"]!));
        Assert.NotNull((string?)refused["error"]);
        Assert.Equal("lead.created", (await back.NextAsync()).Json.GetProperty("type").GetString());
        Assert.Equal("SUCCEEDED", (string)(await api.DeliveriesAsync(api.Client, subscription)).Single()!["status"]!);
    }

    [Fact]
    public async Task Subscription_FailingFor24Hours_IsDisabledAndItsOwnerSeesWhy()
    {
        FixClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.DefaultAnswer = 503;
        var (subscription, _) = await api.SubscribeAsync(api.Client, receiver.Url, "lead.created");
        await api.NewLeadAsync();

        await api.DispatchAsync();
        for (var i = 0; i < 3; i++)
        {
            Advance(TimeSpan.FromHours(11));
            await api.DispatchAsync();
        }
        api.Clock.FixedAt = null; // the owner's token would have expired
        var seen = (await api.QueryAsync("{ webhookSubscriptions { nodes { id enabled disabledReason failingSince } } }"))["webhookSubscriptions"]!["nodes"]!.AsArray()
            .Single(s => (string)s!["id"]! == subscription)!;

        Assert.Equal(4, receiver.All.Count);
        Assert.False((bool)seen["enabled"]!);
        Assert.Contains("503", (string)seen["disabledReason"]!);
    }

    [Fact]
    public async Task Claim_OfADispatcherThatDied_IsDeliveredAfterItsLease()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.SubscribeAsync(api.Client, receiver.Url, "lead.created");
        await api.NewLeadAsync();
        FixClock(); // after the submission, whose form was filled 10 s before the real clock's now
        await using (var scope = api.Services.CreateAsyncScope())
        {
            // Another process fans out, claiming everything due, then dies without an answer.
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            Assert.NotEmpty((await WebhookFanOut.RunAsync(db, 500, _now, _now.AddMinutes(1), 5, CancellationToken.None)).Claimed);
            Assert.Empty(await WebhookClaims.ClaimAsync(db, _now, _now.AddMinutes(1), 500, 5, CancellationToken.None));
        }

        await api.DispatchAsync();
        var whileLeased = receiver.All.Count;
        Advance(TimeSpan.FromSeconds(61));
        await api.DispatchAsync();

        Assert.Equal(0, whileLeased);
        Assert.Equal("lead.created", (await receiver.NextAsync()).Json.GetProperty("type").GetString());
        Assert.Single(receiver.All);
    }

    [Fact]
    public async Task OneAggregatesEvents_ArriveInVersionOrder_TheLaterWaitingWhileTheFirstIsRetried()
    {
        FixClock();
        await using var failingOnce = await WebhookReceiver.StartAsync();
        await using var healthy = await WebhookReceiver.StartAsync();
        failingOnce.Answers.Enqueue(500);
        await api.SubscribeAsync(api.Client, failingOnce.Url, "order.paid", "order.refunded");
        await api.SubscribeAsync(api.Client, healthy.Url, "order.paid", "order.refunded");
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            for (var version = 1; version <= 3; version++)
                db.OutboxEvents.Add(new OutboxEvent { Type = version == 3 ? EventTypes.OrderRefunded : EventTypes.OrderPaid, OccurredAt = _now, AggregateType = "Order", AggregateId = 800_001, AggregateVersion = version });
            await db.SaveChangesAsync();
        }

        await api.DispatchAsync();
        var whileRetrying = Versions(failingOnce);
        Advance(TimeSpan.FromSeconds(6));
        await api.DispatchAsync();

        Assert.Equal([1], whileRetrying);
        Assert.Equal([1, 1, 2, 3], Versions(failingOnce));
        Assert.Equal([1, 2, 3], Versions(healthy));
    }

    [Fact]
    public async Task AnEventFannedOutWhileAnEarlierOneOfItsAggregateAwaitsItsRetry_WaitsForIt()
    {
        FixClock();
        await using var failingOnce = await WebhookReceiver.StartAsync();
        failingOnce.Answers.Enqueue(500);
        await api.SubscribeAsync(api.Client, failingOnce.Url, "order.paid", "order.refunded");
        await AddOrderEventsAsync(800_002, (1, EventTypes.OrderPaid));
        await api.DispatchAsync();

        await AddOrderEventsAsync(800_002, (2, EventTypes.OrderRefunded));
        await api.DispatchAsync();
        var beforeTheRetry = Versions(failingOnce);
        Advance(TimeSpan.FromSeconds(6));
        await api.DispatchAsync();

        Assert.Equal([1], beforeTheRetry);
        Assert.Equal([1, 1, 2], Versions(failingOnce));
    }

    [Fact]
    public async Task FanOut_ClaimsAtMostAChainOfOneAggregate_TheRestFollowInOrder()
    {
        FixClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.SubscribeAsync(api.Client, receiver.Url, "order.paid");
        await AddOrderEventsAsync(800_003, [.. Enumerable.Range(1, 7).Select(v => (v, EventTypes.OrderPaid))]);
        List<int> claimed;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var subscription = await db.WebhookSubscriptions.Where(s => s.Url == receiver.Url).Select(s => s.Id).SingleAsync();
            var fanOut = await WebhookFanOut.RunAsync(db, 500, _now, _now.AddMinutes(1), 5, CancellationToken.None);
            claimed = [.. fanOut.Claimed.Where(d => d.SubscriptionId == subscription && d.AggregateId == 800_003).Select(d => d.AggregateVersion)];
        }

        Advance(TimeSpan.FromSeconds(61));
        await api.DispatchAsync();

        Assert.Equal([1, 2, 3, 4, 5], claimed);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], Versions(receiver));
    }

    private async Task AddOrderEventsAsync(long orderId, params (int Version, string Type)[] events)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var (version, type) in events)
            db.OutboxEvents.Add(new OutboxEvent { Type = type, OccurredAt = _now, AggregateType = "Order", AggregateId = orderId, AggregateVersion = version });
        await db.SaveChangesAsync();
    }

    private static List<int> Versions(WebhookReceiver receiver) =>
        receiver.All.Select(r => r.Json.GetProperty("data").GetProperty("version").GetInt32()).ToList();

    [Fact]
    public async Task RotatedSecret_BothSignFor24Hours_ThenOnlyTheNewOne()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscription, oldSecret) = await api.SubscribeAsync(api.Client, receiver.Url, "lead.created");
        var rotated = await api.WebhookMutationAsync(api.Client, "rotateWebhookSecret", "WebhookSubscriptionIdInput", new { subscriptionId = subscription }, "secret subscription { previousSecretExpiresAt }");
        var newSecret = (string)rotated["secret"]!;

        await api.WebhookMutationAsync(api.Client, "sendTestWebhook", "WebhookSubscriptionIdInput", new { subscriptionId = subscription }, "delivery { id }");
        await api.DispatchAsync();
        var duringOverlap = await receiver.NextAsync();
        await api.WebhookMutationAsync(api.Client, "sendTestWebhook", "WebhookSubscriptionIdInput", new { subscriptionId = subscription }, "delivery { id }");
        FixClock();
        Advance(TimeSpan.FromHours(25));
        await api.DispatchAsync();
        var afterOverlap = await receiver.NextAsync();

        Assert.NotEqual(oldSecret, newSecret);
        var signatures = duringOverlap.Signature.Split(' ');
        Assert.Equal(2, signatures.Length);
        // One signature at a time: StandardWebhooks 1.1.2 compares the last of several against the whole header.
        new StandardWebhook(newSecret).Verify(duringOverlap.Body, (duringOverlap with { Signature = signatures[0] }).Headers);
        new StandardWebhook(oldSecret).Verify(duringOverlap.Body, (duringOverlap with { Signature = signatures[1] }).Headers);
        Assert.Equal(WebhookSecrets.Sign(newSecret, afterOverlap.Id, long.Parse(afterOverlap.Timestamp), afterOverlap.Body), afterOverlap.Signature);
    }

    [Fact]
    public async Task TestAndRedelivery_ArriveWithTheirWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscription, secret) = await api.SubscribeAsync(api.Client, receiver.Url, "order.paid");

        var test = await api.WebhookMutationAsync(api.Client, "sendTestWebhook", "WebhookSubscriptionIdInput", new { subscriptionId = subscription }, "delivery { id webhookId }");
        await api.DispatchAsync();
        var first = await receiver.NextAsync();
        await api.WebhookMutationAsync(api.Client, "redeliverWebhook", "RedeliverWebhookInput", new { deliveryId = (string)test["delivery"]!["id"]! }, "delivery { status }");
        await api.DispatchAsync();
        var again = await receiver.NextAsync();

        Assert.Equal("webhook.test", first.Json.GetProperty("type").GetString());
        Assert.Equal((string)test["delivery"]!["webhookId"]!, first.Id);
        Assert.Equal(first.Id, again.Id);
        new StandardWebhook(secret).Verify(again.Body, again.Headers);
    }

    [Fact]
    public async Task PartnerWebhook_ReceivesOnlyItsOwnEvents_OfEveryType()
    {
        FixClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        var partner = await api.ClientForAsync("partner-bright-ads");
        var types = EventStreams.All.Where(s => s.Field is "leadEvents" or "referralEvents").SelectMany(s => s.Types).ToArray();
        await api.SubscribeAsync(partner, receiver.Url, types);
        long own, other;
        var expected = new HashSet<(string, long)>();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            own = await db.Partners.Where(p => p.ApiClientId == "partner-bright-ads").Select(p => p.Id).SingleAsync();
            other = await db.Partners.Where(p => p.ApiClientId == "partner-nord-si").Select(p => p.Id).SingleAsync();
            var aggregateId = 900_000L;
            foreach (var type in EventStreams.All.SelectMany(s => s.Types))
            {
                var aggregate = EventStreams.Of(type)!.Field switch { "leadEvents" => "Lead", "dealEvents" => "Deal", "orderEvents" => "Order", _ => type.StartsWith("reward") ? "Reward" : type.StartsWith("payout") ? "Payout" : "Referral" };
                foreach (var (partnerId, assignedPartnerId) in new (long?, long?)[] { (own, null), (other, null), (other, own), (null, null) })
                {
                    var row = new OutboxEvent { Type = type, OccurredAt = _now, AggregateType = aggregate, AggregateId = ++aggregateId, AggregateVersion = 1, PartnerId = partnerId, AssignedPartnerId = aggregate == "Lead" ? assignedPartnerId : null };
                    db.OutboxEvents.Add(row);
                    if (types.Contains(type) && (partnerId == own || row.AssignedPartnerId == own))
                        expected.Add((type, row.AggregateId));
                }
            }
            await db.SaveChangesAsync();
        }

        await api.DispatchAsync();
        var received = receiver.All.Select(r => r.Json).Select(j => (j.GetProperty("type").GetString()!, AggregateId(j))).ToHashSet();

        Assert.Equal(16, expected.Count); // six lead types its own and given to it, four referral types its own
        Assert.Equal(expected, received);
    }

    private static long AggregateId(System.Text.Json.JsonElement webhook)
    {
        Assert.True(GlobalId.TryDecode(webhook.GetProperty("data").GetProperty("aggregateId").GetString(), out _, out var id));
        return id;
    }

    [Fact]
    public async Task OutboxEvents_OlderThanTheRetentionAndFannedOut_AreDeleted()
    {
        FixClock();
        Advance(TimeSpan.FromDays(8));
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.OutboxEvents.Add(new OutboxEvent { Type = EventTypes.OrderPaid, OccurredAt = _now, AggregateType = "Order", AggregateId = 1, AggregateVersion = 9 });
            await db.SaveChangesAsync();
        }

        await api.DispatchAsync();

        await using var check = api.Services.CreateAsyncScope();
        var events = check.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxEvents;
        Assert.False(await events.AnyAsync(e => e.OccurredAt < _now.AddDays(-7)));
        Assert.True(await events.AnyAsync(e => e.OccurredAt == _now && e.FannedOutAt != null));
    }

    [Fact]
    public async Task Deliveries_FinishedBeforeTheRetention_AreDeleted_PendingAndRecentOnesStay()
    {
        FixClock();
        var round = _now.AddDays(9); // after any earlier retention round (the outbox test's is 8 days ahead)
        var cutoff = round.AddDays(-30);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, ids) = await AddDeliveriesAsync(receiver,
            (WebhookDeliveryStatus.Succeeded, cutoff.AddDays(-5), cutoff.AddMilliseconds(-1)),
            (WebhookDeliveryStatus.Failed, cutoff.AddDays(-2), cutoff.AddMilliseconds(-1)),
            (WebhookDeliveryStatus.Failed, cutoff.AddMilliseconds(-1), null), // counted from its creation
            (WebhookDeliveryStatus.Succeeded, cutoff.AddDays(-5), cutoff), // exactly at the cutoff: kept
            (WebhookDeliveryStatus.Failed, cutoff.AddDays(-5), round.AddDays(-1)), // attempted again since: counted from then
            (WebhookDeliveryStatus.Succeeded, round.AddHours(-1), round.AddHours(-1)),
            (WebhookDeliveryStatus.Pending, cutoff.AddDays(-5), cutoff.AddDays(-1)));

        Advance(round - _now);
        await api.DispatchAsync();

        await using var check = api.Services.CreateAsyncScope();
        var left = await check.ServiceProvider.GetRequiredService<PlatformDbContext>().WebhookDeliveries
            .Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        Assert.Equal(ids[3..].Order(), left);
    }

    [Fact]
    public async Task Redeliver_OfADeliveryDeletedByTheRetention_IsNotFound()
    {
        FixClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscription, ids) = await AddDeliveriesAsync(receiver, (WebhookDeliveryStatus.Succeeded, _now.AddDays(-40), _now.AddDays(-40)));
        Advance(TimeSpan.FromDays(10)); // after any earlier retention round
        await api.DispatchAsync();

        api.Clock.FixedAt = null; // the client's token would have expired
        var redelivered = await api.WebhookMutationAsync(api.Client, "redeliverWebhook", "RedeliverWebhookInput",
            new { deliveryId = GlobalId.Encode("WebhookDelivery", ids[0]) }, "delivery { id }");

        Assert.Null(redelivered["delivery"]);
        Assert.Equal("NOT_FOUND", (string)redelivered["errors"]![0]!["code"]!);
        Assert.Empty(await api.DeliveriesAsync(api.Client, subscription));
    }

    /// <summary>A subscription to the receiver with these test deliveries, none due for long; returns its id and theirs, in order.</summary>
    private async Task<(string Subscription, long[] Ids)> AddDeliveriesAsync(
        WebhookReceiver receiver, params (WebhookDeliveryStatus Status, DateTime CreatedAt, DateTime? LastAttemptAt)[] deliveries)
    {
        var (subscription, _) = await api.SubscribeAsync(api.Client, receiver.Url, "order.refunded");
        var subscriptionId = GlobalId.TryDecode(subscription, "WebhookSubscription")!.Value;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var rows = deliveries.Select(d => new WebhookDelivery
        {
            SubscriptionId = subscriptionId, Type = WebhookMessage.TestType, OccurredAt = d.CreatedAt,
            CreatedAt = d.CreatedAt, LastAttemptAt = d.LastAttemptAt, Status = d.Status, NextAttemptAt = _now.AddDays(100),
        }).ToList();
        db.WebhookDeliveries.AddRange(rows);
        await db.SaveChangesAsync();
        return (subscription, rows.Select(r => r.Id).ToArray());
    }
}

public sealed class DefaultWebhookDeliveryTests(DefaultApi api) : WebhookDeliveryTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresWebhookDeliveryTests(PostgresApi api) : WebhookDeliveryTests<PostgresApi>(api), IClassFixture<PostgresApi>;
