using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.Domain.Events;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Events;

/// <summary>
/// Every change writes its events to the outbox in its own transaction: each event type by the mutation that makes it,
/// with the aggregate's version (in order per aggregate) and who may receive it; a refused or rolled-back change none.
/// </summary>
public abstract class OutboxTests<THost>(THost api) where THost : ApiHost
{
    private const string Bright = "partner-bright-ads";

    private static JsonNode Ok(JsonNode payload)
    {
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload;
    }

    private async Task<JsonNode> MutateAsync(string mutation, string inputType, object input, string result) =>
        (await api.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {result} errors {{ __typename }} }} }}", new { input }))[mutation]!;

    /// <summary>The events of one aggregate, in the order they were written.</summary>
    private async Task<List<OutboxEvent>> EventsOfAsync(string globalId)
    {
        var (type, id) = Decode(globalId);
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxEvents.AsNoTracking()
            .Where(e => e.AggregateType == type && e.AggregateId == id).OrderBy(e => e.Id).ToListAsync();
    }

    private static (string Type, long Id) Decode(string globalId) =>
        GlobalId.TryDecode(globalId, out var type, out var id) ? (type, id) : throw new ArgumentException($"Not a global ID: {globalId}");

    private static List<string> Types(IEnumerable<OutboxEvent> events) => events.Select(e => e.Type).ToList();

    private static void AssertInVersionOrder(List<OutboxEvent> events, int currentVersion)
    {
        Assert.Equal(events.OrderBy(e => e.AggregateVersion).ThenBy(e => e.Id).Select(e => e.Id), events.Select(e => e.Id));
        Assert.Equal(currentVersion, events[^1].AggregateVersion);
    }

    private async Task<string> StaffUserAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().StaffUsers.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        return GlobalId.Encode("StaffUser", id);
    }

    [Fact]
    public async Task LeadLifecycle_EmitsEachEventWithTheLeadsVersion()
    {
        var form = api.LandingForm();
        var leadId = (string)Ok(await api.SubmitAsync(form))["lead"]!["id"]!;
        Ok(await api.SubmitAsync(api.LandingForm(("phone", form["phone"]))));
        var owner = await StaffUserAsync();

        Ok(await api.AssignAsync(leadId, owner));
        Ok(await api.CallAsync(leadId));
        Ok(await api.QualifyAsync(leadId));
        var converted = Ok(await api.ConvertAsync(leadId));

        var events = await EventsOfAsync(leadId);
        Assert.Equal(
            [EventTypes.LeadCreated, EventTypes.LeadStatusChanged, EventTypes.LeadAssigned, // assigned at once (Leads:AutoAssign)
             EventTypes.LeadTouched, EventTypes.LeadAssigned,
             EventTypes.LeadStatusChanged, EventTypes.LeadStatusChanged, EventTypes.LeadStatusChanged, EventTypes.LeadConverted],
            Types(events));
        Assert.Equal(["{\"from\":\"NEW\",\"to\":\"ASSIGNED\"}", "{\"from\":\"ASSIGNED\",\"to\":\"IN_PROGRESS\"}", "{\"from\":\"IN_PROGRESS\",\"to\":\"QUALIFIED\"}", "{\"from\":\"QUALIFIED\",\"to\":\"CONVERTED\"}"],
            events.Where(e => e.Type == EventTypes.LeadStatusChanged).Select(e => e.Payload));
        AssertInVersionOrder(events, (int)converted["lead"]!["version"]!);
        Assert.Equal(Decode(owner).Id, events[^1].OwnerId);
    }

    [Fact]
    public async Task LeadDistribution_EmitsLeadDistributedForThePartnerGivenTheLead()
    {
        var leadId = (string)(await api.NewLeadAsync())["id"]!;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var id = Decode(leadId).Id;
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.Where(l => l.Id == id).ExecuteUpdateAsync(l => l.SetProperty(x => x.Region, "Balti"));
        }

        Ok((await api.QueryAsync("mutation($input: DistributeLeadsInput!) { distributeLeadsToPartners(input: $input) { distributed { id } errors { __typename } } }",
            new { input = new { leadIds = new[] { leadId } } }))["distributeLeadsToPartners"]!);

        var distributed = (await EventsOfAsync(leadId)).Single(e => e.Type == EventTypes.LeadDistributed);
        Assert.NotNull(distributed.AssignedPartnerId);
    }

    [Fact]
    public async Task DealsAndOrders_EmitStageChangesWonLostPaidAndRefunded()
    {
        var clientId = await api.ClientAsync();
        var dealId = (string)Ok(await MutateAsync("createDeal", "CreateDealInput", new { clientId, title = "Shop", amount = new { amount = 1000_00, currency = "EUR" } }, "deal { id }"))["deal"]!["id"]!;
        Ok(await MutateAsync("moveDeal", "MoveDealInput", new { dealId, stageCode = "CONTACTED" }, "deal { id }"));
        var orderId = (string)Ok(await MutateAsync("placeOrder", "PlaceOrderInput", new { clientId, dealId, amount = new { amount = 1000_00, currency = "EUR" }, paymentMode = "SINGLE" }, "order { id netAmount { amount } }"))["order"]!["id"]!;
        var net = (long)(await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Order { netAmount { amount } } } }", new { id = orderId }))["node"]!["netAmount"]!["amount"]!;
        Ok(await MutateAsync("recordPayment", "RecordPaymentInput", new { orderId, amount = new { amount = net, currency = "EUR" } }, "order { id }"));
        var refunded = Ok(await MutateAsync("refundOrder", "RefundOrderInput", new { orderId }, "order { version }"));
        var lostId = (string)Ok(await MutateAsync("createDeal", "CreateDealInput", new { clientId, title = "Lost", amount = new { amount = 500_00, currency = "EUR" } }, "deal { id }"))["deal"]!["id"]!;
        Ok(await MutateAsync("loseDeal", "LoseDealInput", new { dealId = lostId, reason = "No budget", refusedBy = "CLIENT" }, "deal { id }"));

        var deal = await EventsOfAsync(dealId);
        Assert.Equal([EventTypes.DealStageChanged, EventTypes.DealStageChanged, EventTypes.DealWon], Types(deal));
        Assert.Equal("{\"from\":\"NEW\",\"to\":\"CONTACTED\"}", deal[0].Payload);
        var order = await EventsOfAsync(orderId);
        Assert.Equal([EventTypes.OrderPaid, EventTypes.OrderRefunded], Types(order));
        Assert.Equal($"{{\"amount\":{net},\"currency\":\"EUR\"}}", order[0].Payload);
        AssertInVersionOrder(order, (int)refunded["order"]!["version"]!);
        var lost = await EventsOfAsync(lostId);
        Assert.Equal([EventTypes.DealStageChanged, EventTypes.DealLost], Types(lost));
        Assert.Equal("{\"refusedBy\":\"CLIENT\"}", lost[^1].Payload);
    }

    [Fact]
    public async Task ReferralsRewardsAndPayouts_EmitTheirEventsForTheReferringPartner()
    {
        var july = new DateTime(2026, 7, 6, 10, 0, 0, DateTimeKind.Utc);
        var partner = await api.ClientForAsync(Bright);
        try
        {
            api.Clock.FixedAt = july;
            var partnerId = (string)(await api.PostAsync(partner, "{ me { partner { id } } }"))["data"]!["me"]!["partner"]!["id"]!;
            var submitted = await api.PostAsync(partner, "mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id } } }",
                new { input = new { firstName = "Irina", phone = LeadApi.NewPhone() } });
            var leadId = (string)submitted["data"]!["submitLead"]!["lead"]!["id"]!;
            Ok(await api.CallAsync(leadId));
            Ok(await api.QualifyAsync(leadId));
            var clientId = (string)Ok(await api.ConvertAsync(leadId))["client"]!["id"]!;
            api.Clock.FixedAt = july.AddDays(1);
            var orderId = (string)Ok(await MutateAsync("placeOrder", "PlaceOrderInput", new { clientId, amount = new { amount = 2000_00, currency = "EUR" }, paymentMode = "SINGLE" }, "order { id }"))["order"]!["id"]!;
            var net = (long)(await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Order { netAmount { amount } } } }", new { id = orderId }))["node"]!["netAmount"]!["amount"]!;
            Ok(await MutateAsync("recordPayment", "RecordPaymentInput", new { orderId, amount = new { amount = net, currency = "EUR" } }, "order { id }"));
            api.Clock.FixedAt = july.AddDays(40);
            var approved = (await api.QueryAsync("mutation { approveDueRewards { approved { id } } }"))["approveDueRewards"]!["approved"]!.AsArray();
            var rewardId = GlobalId.Encode("Reward", await RewardIdOf(leadId));
            Assert.Contains(rewardId, approved.Select(r => (string)r!["id"]!));
            var payoutId = (string)Ok(await MutateAsync("recordPayout", "RecordPayoutInput", new { partnerId, rewardIds = new[] { rewardId }, reference = "BANK-7" }, "payout { id }"))["payout"]!["id"]!;

            var partnerNumber = Decode(partnerId).Id;
            var referralId = GlobalId.Encode("Referral", await ReferralIdOf(leadId));
            var referral = await EventsOfAsync(referralId);
            Assert.Equal([EventTypes.ReferralCreated, EventTypes.ReferralStatusChanged, EventTypes.ReferralStatusChanged], Types(referral));
            Assert.Equal(["{\"from\":\"REFERRED\",\"to\":\"CONVERTED\"}", "{\"from\":\"CONVERTED\",\"to\":\"REWARDED\"}"], referral.Skip(1).Select(e => e.Payload));
            var reward = await EventsOfAsync(rewardId);
            Assert.Equal(["{\"from\":\"PENDING\",\"to\":\"EARNED\"}", "{\"from\":\"EARNED\",\"to\":\"APPROVED\"}", "{\"from\":\"APPROVED\",\"to\":\"PAID\"}"], reward.Select(e => e.Payload));
            var payout = Assert.Single(await EventsOfAsync(payoutId));
            Assert.Equal(EventTypes.PayoutRecorded, payout.Type);
            Assert.All(referral.Concat(reward).Append(payout), e => Assert.Equal(partnerNumber, e.PartnerId));
            Assert.Equal(partnerNumber, (await EventsOfAsync(leadId))[0].PartnerId);
        }
        finally
        {
            api.Clock.FixedAt = null;
        }
    }

    private async Task<long> ReferralIdOf(string leadId)
    {
        var id = Decode(leadId).Id;
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Referrals.Where(r => r.LeadId == id).Select(r => r.Id).SingleAsync();
    }

    private async Task<long> RewardIdOf(string leadId)
    {
        var referral = await ReferralIdOf(leadId);
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Rewards.Where(r => r.ReferralId == referral).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task RefusedChange_EmitsNothing()
    {
        var lead = await api.NewLeadAsync();
        var leadId = (string)lead["id"]!;
        var before = await EventsOfAsync(leadId);

        var refused = await api.QualifyAsync(leadId); // a NEW lead cannot be qualified
        var stale = await api.RefuseAsync(leadId, expectedVersion: (int)lead["version"]! + 5);

        Assert.NotEmpty(refused["errors"]!.AsArray());
        Assert.Equal("CONFLICT", (string)stale.Error()["code"]!);
        Assert.Equal(before.Select(e => e.Id), (await EventsOfAsync(leadId)).Select(e => e.Id));
    }

    [Fact]
    public async Task RolledBackChange_EmitsNothing_AndTheCommittedOneEmits()
    {
        var leadId = (string)(await api.NewLeadAsync())["id"]!;
        var id = Decode(leadId).Id;
        var before = (await EventsOfAsync(leadId)).Count;

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Leads.SingleAsync(l => l.Id == id)).Postpone(DateTime.UtcNow.AddDays(30));
            db.Leads.Add(new Lead { FirstName = "Rolled back", Phone = LeadApi.NewPhone() });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        Assert.Equal(before, (await EventsOfAsync(leadId)).Count);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            (await db.Leads.SingleAsync(l => l.Id == id)).Postpone(DateTime.UtcNow.AddDays(30));
            await db.SaveChangesAsync();
        }
        Assert.Equal(EventTypes.LeadStatusChanged, (await EventsOfAsync(leadId))[^1].Type);
    }

    [Fact]
    public async Task FailedSave_OfANewAggregate_EmitsNothing()
    {
        var phone = "+" + new string(LeadApi.NewPhone().Where(char.IsDigit).ToArray());
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var count = await db.OutboxEvents.CountAsync();
        // The second lead takes the first one's phone claim: the unique index fails the whole save.
        db.Leads.AddRange(new Lead { FirstName = "First", Phone = phone, PhoneClaim = phone }, new Lead { FirstName = "Second", Phone = phone, PhoneClaim = phone });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(count, await db.OutboxEvents.CountAsync());
        Assert.Equal(0, await db.Leads.CountAsync(l => l.Phone == phone));
    }
}

public sealed class DefaultOutboxTests(DefaultApi api) : OutboxTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresOutboxTests(PostgresApi api) : OutboxTests<PostgresApi>(api), IClassFixture<PostgresApi>;
