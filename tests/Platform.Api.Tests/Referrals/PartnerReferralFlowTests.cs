using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;

namespace Platform.Api.Tests.Referrals;

/// <summary>
/// A partner's system with only its own client credentials: submits a referred lead, sees it convert and its
/// reward move PENDING → EARNED → APPROVED → PAID (or VOID on a refund) as the client pays, pulls its monthly
/// summary — and another partner reaches none of it.
/// </summary>
public abstract class PartnerReferralFlowTests<THost>(THost api) where THost : ApiHost
{
    private const string Bright = "partner-bright-ads";
    private const string Nord = "partner-nord-si";
    private const string Danube = "partner-danube-dealers";

    private const string RewardFields = "id status amount { amount currency } earnedAt approvableAt approvedAt paidAt voidReason payout { id reference }";

    private const string SubmitMutation = """
        mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id status } warnings { ... on ValidationError { field message } } errors { __typename } } }
        """;

    /// <summary>Runs a query with a fresh token of <paramref name="clientId"/> (the clock moves between steps) and returns its data.</summary>
    private async Task<JsonObject> AsAsync(string clientId, string query, object? variables = null)
    {
        var result = await api.PostAsync(await api.ClientForAsync(clientId), query, variables);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!.AsObject();
    }

    private static JsonNode Ok(JsonNode payload)
    {
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload;
    }

    /// <summary>The partner submits a lead with its own token and no code; staff work, qualify and convert it. Returns lead and client IDs.</summary>
    private async Task<(string LeadId, string ClientId)> ReferredAndConvertedAsync(string partner, DateTime at)
    {
        api.Clock.FixedAt = at;
        var submitted = Ok((await AsAsync(partner, SubmitMutation, new { input = new { firstName = "Irina", phone = LeadApi.NewPhone(), company = $"Referred {Guid.NewGuid():N}" } }))["submitLead"]!);
        Assert.Empty(submitted["warnings"]!.AsArray());
        var leadId = (string)submitted["lead"]!["id"]!;

        Ok(await api.CallAsync(leadId));
        Ok(await api.QualifyAsync(leadId));
        var converted = Ok(await api.ConvertAsync(leadId));
        return (leadId, (string)converted["client"]!["id"]!);
    }

    /// <summary>The partner submits a lead with its own token and the given phone; staff work, qualify and convert it.</summary>
    private async Task<(string LeadId, JsonNode Converted)> ReferredAndConvertedAsync(string partner, string phone)
    {
        var submitted = Ok((await AsAsync(partner, SubmitMutation, new { input = new { firstName = "Irina", phone } }))["submitLead"]!);
        var leadId = (string)submitted["lead"]!["id"]!;
        Ok(await api.CallAsync(leadId));
        Ok(await api.QualifyAsync(leadId));
        return (leadId, Ok(await api.ConvertAsync(leadId)));
    }

    /// <summary>Staff place a single-payment order and pay it in full; returns the order's ID and net amount.</summary>
    private async Task<(string OrderId, long Net)> PaidOrderAsync(string clientId, long gross)
    {
        var placed = Ok((await api.QueryAsync("mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id netAmount { amount } } errors { __typename } } }",
            new { input = new { clientId, amount = new { amount = gross, currency = "EUR" }, paymentMode = "SINGLE" } }))["placeOrder"]!);
        var orderId = (string)placed["order"]!["id"]!;
        var net = (long)placed["order"]!["netAmount"]!["amount"]!;
        Ok((await api.QueryAsync("mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { order { status } errors { __typename } } }",
            new { input = new { orderId, amount = new { amount = net, currency = "EUR" }, reference = "BANK-1" } }))["recordPayment"]!);
        return (orderId, net);
    }

    /// <summary>The partner's referral of <paramref name="leadId"/> with its rewards, as the partner reads it.</summary>
    private async Task<JsonNode> ReferralOfAsync(string partner, string leadId)
    {
        var referrals = (await AsAsync(partner, $"{{ referrals(first: 100) {{ nodes {{ id status lead {{ id }} rewards {{ nodes {{ {RewardFields} }} }} }} }} }}"))["referrals"]!["nodes"]!.AsArray();
        return referrals.Single(r => (string)r!["lead"]!["id"]! == leadId)!;
    }

    private static JsonNode RewardOf(JsonNode referral) => referral["rewards"]!["nodes"]!.AsArray().Single()!;

    private Task<JsonObject> ApproveDueAsync() =>
        api.QueryAsync("mutation { approveDueRewards { approved { id status } errors { __typename } } }");

    [Fact]
    public async Task PartnerToken_ReferredLeadConvertsPaysAndIsPaidOut_AndTheSummaryShowsEachMonth()
    {
        var july = new DateTime(2026, 7, 6, 10, 0, 0, DateTimeKind.Utc);
        var (leadId, clientId) = await ReferredAndConvertedAsync(Bright, july);

        var referral = await ReferralOfAsync(Bright, leadId);
        Assert.Equal("CONVERTED", (string)referral["status"]!);
        Assert.Equal(("PENDING", 0L), ((string)RewardOf(referral)["status"]!, (long)RewardOf(referral)["amount"]!["amount"]!));

        api.Clock.FixedAt = july.AddDays(1);
        var (_, net) = await PaidOrderAsync(clientId, 2000_00);

        var rewarded = await ReferralOfAsync(Bright, leadId);
        Assert.Equal("REWARDED", (string)rewarded["status"]!);
        var earned = RewardOf(rewarded);
        Assert.Equal("EARNED", (string)earned["status"]!);
        Assert.Equal(net / 10, (long)earned["amount"]!["amount"]!); // 10 % of the paid order, under the 500 € cap
        Assert.Equal(july.AddDays(31), (DateTime)earned["approvableAt"]!);
        var rewardId = (string)earned["id"]!;

        api.Clock.FixedAt = july.AddDays(30); // a day before the holding period ends
        Assert.DoesNotContain(rewardId, (await ApproveDueAsync())["approveDueRewards"]!["approved"]!.AsArray().Select(r => (string)r!["id"]!));
        api.Clock.FixedAt = july.AddDays(31);
        Assert.Contains(rewardId, (await ApproveDueAsync())["approveDueRewards"]!["approved"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Equal("APPROVED", (string)RewardOf(await ReferralOfAsync(Bright, leadId))["status"]!);

        api.Clock.FixedAt = july.AddDays(33);
        var partnerId = (string)(await AsAsync(Bright, "{ me { clientId partner { id name type } } }"))["me"]!["partner"]!["id"]!;
        var payout = Ok((await api.QueryAsync("mutation($input: RecordPayoutInput!) { recordPayout(input: $input) { payout { id amount { amount } reference } rewards { id status } errors { __typename } } }",
            new { input = new { partnerId, rewardIds = new[] { rewardId }, reference = "BANK-42" } }))["recordPayout"]!);
        Assert.Equal(net / 10, (long)payout["payout"]!["amount"]!["amount"]!);

        var paid = RewardOf(await ReferralOfAsync(Bright, leadId));
        Assert.Equal(("PAID", "BANK-42"), ((string)paid["status"]!, (string)paid["payout"]!["reference"]!));
        var data = await AsAsync(Bright, """
            { me { partner { name } } payouts(first: 10) { nodes { id reference } }
              rewards(first: 10, filter: { status: [PAID] }) { nodes { id } }
              referralSummary(from: "2026-07-01T00:00:00Z", to: "2026-09-01T00:00:00Z") { month referredLeads convertedLeads rewards { status count amount { amount } } } }
            """);
        Assert.Equal("Bright Ads Agency", (string)data["me"]!["partner"]!["name"]!);
        Assert.Contains("BANK-42", data["payouts"]!["nodes"]!.AsArray().Select(p => (string)p!["reference"]!));
        Assert.Contains(rewardId, data["rewards"]!["nodes"]!.AsArray().Select(r => (string)r!["id"]!));
        var months = data["referralSummary"]!.AsArray();
        var jul = months.Single(m => (DateTime)m!["month"]! == new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc))!;
        var aug = months.Single(m => (DateTime)m!["month"]! == new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc))!;
        Assert.Equal((1, 1), ((int)jul["referredLeads"]!, (int)jul["convertedLeads"]!));
        Assert.Equal([("EARNED", net / 10)], Totals(jul));
        Assert.Equal([("APPROVED", net / 10), ("PAID", net / 10)], Totals(aug));
    }

    private static List<(string, long)> Totals(JsonNode month) =>
        month["rewards"]!.AsArray().Select(t => ((string)t!["status"]!, (long)t["amount"]!["amount"]!)).Order().ToList();

    [Fact]
    public async Task RefundWithinTheHoldingPeriod_VoidsTheReward_AndItIsNeverApproved()
    {
        var september = new DateTime(2026, 9, 7, 10, 0, 0, DateTimeKind.Utc);
        var (leadId, clientId) = await ReferredAndConvertedAsync(Nord, september);
        var (orderId, _) = await PaidOrderAsync(clientId, 1000_00);
        Assert.Equal("EARNED", (string)RewardOf(await ReferralOfAsync(Nord, leadId))["status"]!);

        api.Clock.FixedAt = september.AddDays(10);
        Ok((await api.QueryAsync("mutation($input: RefundOrderInput!) { refundOrder(input: $input) { order { status } errors { __typename } } }",
            new { input = new { orderId, reference = "REFUND-1" } }))["refundOrder"]!);

        var referral = await ReferralOfAsync(Nord, leadId);
        Assert.Equal("CONVERTED", (string)referral["status"]!); // no longer REWARDED
        var voided = RewardOf(referral);
        Assert.Equal("VOID", (string)voided["status"]!);
        Assert.Contains("refunded", (string)voided["voidReason"]!);
        api.Clock.FixedAt = september.AddDays(40);
        Assert.DoesNotContain((string)voided["id"]!, (await ApproveDueAsync())["approveDueRewards"]!["approved"]!.AsArray().Select(r => (string)r!["id"]!));
        var summary = (await AsAsync(Nord, """{ referralSummary(from: "2026-09-01T00:00:00Z", to: "2026-10-01T00:00:00Z") { referredLeads rewards { status count } } }"""))["referralSummary"]!.AsArray();
        Assert.Equal(["VOID"], summary.Single()!["rewards"]!.AsArray().Select(t => (string)t!["status"]!));
    }

    [Fact]
    public async Task LeadConvertedIntoAnAlreadyPayingClient_EarnsNothing_R3()
    {
        api.Clock.FixedAt = new DateTime(2026, 10, 5, 10, 0, 0, DateTimeKind.Utc);
        var phone = LeadApi.NewPhone();
        var own = await api.NewLeadAsync(("phone", phone), ("formRenderedAt", null)); // the clock is fixed in the past
        Ok(await api.CallAsync((string)own["id"]!));
        Ok(await api.QualifyAsync((string)own["id"]!));
        var clientId = (string)Ok(await api.ConvertAsync((string)own["id"]!))["client"]!["id"]!;
        await PaidOrderAsync(clientId, 500_00);

        var (leadId, converted) = await ReferredAndConvertedAsync(Bright, phone);
        Assert.Equal((clientId, true), ((string)converted["client"]!["id"]!, (bool)converted["clientExisted"]!));
        await PaidOrderAsync(clientId, 2000_00);

        var referral = await ReferralOfAsync(Bright, leadId);
        Assert.Equal("REJECTED", (string)referral["status"]!);
        var reward = RewardOf(referral);
        Assert.Equal(("VOID", 0L), ((string)reward["status"]!, (long)reward["amount"]!["amount"]!));
        Assert.Contains("already a paying client", (string)reward["voidReason"]!);
    }

    [Fact]
    public async Task LeadConvertedIntoAnExistingClientThatNeverPaid_StillEarns()
    {
        api.Clock.FixedAt = new DateTime(2026, 10, 12, 10, 0, 0, DateTimeKind.Utc);
        var phone = LeadApi.NewPhone();
        var own = await api.NewLeadAsync(("phone", phone), ("formRenderedAt", null)); // the clock is fixed in the past
        Ok(await api.CallAsync((string)own["id"]!));
        Ok(await api.QualifyAsync((string)own["id"]!));
        var clientId = (string)Ok(await api.ConvertAsync((string)own["id"]!))["client"]!["id"]!;

        var (leadId, converted) = await ReferredAndConvertedAsync(Bright, phone);
        Assert.True((bool)converted["clientExisted"]!);
        Assert.Equal("PENDING", (string)RewardOf(await ReferralOfAsync(Bright, leadId))["status"]!);
        await PaidOrderAsync(clientId, 2000_00);

        Assert.Equal("EARNED", (string)RewardOf(await ReferralOfAsync(Bright, leadId))["status"]!);
    }

    [Fact]
    public async Task ConcurrentApprovals_ApproveEachDueRewardOnce_WithoutErrors()
    {
        var start = new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);
        var leads = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (leadId, clientId) = await ReferredAndConvertedAsync(Danube, start);
            await PaidOrderAsync(clientId, 1000_00);
            leads.Add(leadId);
        }
        api.Clock.FixedAt = start.AddDays(45);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ApproveDueAsync()));

        var approved = results.SelectMany(r => r["approveDueRewards"]!["approved"]!.AsArray().Select(a => (string)a!["id"]!)).ToList();
        Assert.All(results, r => Assert.Empty(r["approveDueRewards"]!["errors"]!.AsArray()));
        Assert.Equal(approved.Count, approved.Distinct().Count()); // none approved twice
        foreach (var leadId in leads)
        {
            var reward = RewardOf(await ReferralOfAsync(Danube, leadId));
            Assert.Equal("APPROVED", (string)reward["status"]!);
            Assert.Contains((string)reward["id"]!, approved);
        }
    }

    [Fact]
    public async Task AnotherPartner_ReachesNoneOfItThroughNodeNodesListsFiltersOrTheSummary()
    {
        var october = new DateTime(2026, 10, 5, 10, 0, 0, DateTimeKind.Utc);
        var (leadId, clientId) = await ReferredAndConvertedAsync(Bright, october);
        await PaidOrderAsync(clientId, 1000_00);
        var referral = await ReferralOfAsync(Bright, leadId);
        var (referralId, rewardId) = ((string)referral["id"]!, (string)RewardOf(referral)["id"]!);
        var brightId = (string)(await AsAsync(Bright, "{ me { partner { id } } }"))["me"]!["partner"]!["id"]!;
        string[] foreign = [referralId, rewardId, leadId, brightId];

        var data = await AsAsync(Danube, """
            query($id: ID!, $ids: [ID!]!, $bright: ID!) {
              me { partner { name } }
              node(id: $id) { id } nodes(ids: $ids) { id }
              referrals(first: 100, filter: { partnerId: $bright }) { totalCount }
              all: referrals(first: 100) { nodes { id partner { id } } }
              rewards(first: 100, filter: { partnerId: $bright }) { totalCount }
              payouts(first: 100) { nodes { partner { id } } }
              referralSummary(from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z") { referredLeads }
            }
            """, new { id = rewardId, ids = foreign, bright = brightId });

        Assert.Equal("Danube Dealer Network", (string)data["me"]!["partner"]!["name"]!);
        Assert.Null(data["node"]);
        Assert.All(data["nodes"]!.AsArray(), Assert.Null);
        Assert.Equal(0, (int)data["referrals"]!["totalCount"]!);
        Assert.Equal(0, (int)data["rewards"]!["totalCount"]!);
        Assert.DoesNotContain(referralId, data["all"]!["nodes"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.All(data["all"]!["nodes"]!.AsArray(), r => Assert.NotEqual(brightId, (string?)r!["partner"]?["id"]));
        Assert.All(data["payouts"]!["nodes"]!.AsArray(), p => Assert.NotEqual(brightId, (string?)p!["partner"]?["id"]));
        Assert.Empty(data["referralSummary"]!.AsArray());

        var denied = await api.PostAsync(await api.ClientForAsync(Danube), "mutation { approveDueRewards { approved { id } } }");
        Assert.Equal("ACCESS_DENIED", (string?)denied["errors"]?[0]?["extensions"]?["code"]);
    }
}

public sealed class DefaultPartnerReferralFlowTests(DefaultApi api) : PartnerReferralFlowTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresPartnerReferralFlowTests(PostgresApi api) : PartnerReferralFlowTests<PostgresApi>(api), IClassFixture<PostgresApi>;
