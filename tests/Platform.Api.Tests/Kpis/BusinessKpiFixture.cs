using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;
using Platform.Domain.Orders;
using Platform.Domain.Referrals;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Kpis;

/// <summary>
/// A hand-computed dataset in 2032 (nothing else is in that year: the demo data ends in 2026, other KPI fixtures use
/// 2030 and 2031) for the client, referral and channel KPIs, inserted once per host. 2032 is a leap year; 2032-01-01
/// is a Thursday. Expected figures are in <see cref="BusinessKpiTests{THost}"/> next to the queries.
/// <list type="bullet">
/// <item>Strategic clients, in CHF so the EUR orders below stay out of it: A 1000 (Jan 10) and a refunded 5000 (Feb 5);
/// B 1001 (Jan 11) and USD 300 (Feb 6); C 3999 (Jan 12), 4000 (Jan 20), 500 (Feb 3), 250 (Feb 1 00:00). No owner.</item>
/// <item>Sleeping clients of <see cref="Ids.Manager"/>, EUR 100 each, placed and paid at noon: S1 Jan 1, 8, 15 (LOYAL);
/// S2 Jan 5 only (REGULAR); S3 Jan 1, 31 (FAN). S1 sleeps after Jan 15 12:00 + 2.5 × 7 days = Feb 2 00:00.</item>
/// <item>Referrals (EUR): partner P1 → R1 paid 1000 (Feb 10), 2000 (Mar 5), refunded 700 (Mar 6); P2 → R2 paid 4000
/// (Mar 20); client S1 → R3 paid 500 (Feb 15); client S3 → R4 never paid; client X (REGULAR, of
/// <see cref="Ids.SecondManager"/>) → R5 paid 800 (Mar 1 00:00). Rewards: R1 100 PAID (earned Feb 10), 200 APPROVED
/// (Mar 5), 70 VOID (Mar 6); R2 400 EARNED (Mar 20); R3 50 APPROVED (Feb 15); R4 999 PENDING; R5 80 EARNED (Mar 1).</item>
/// <item>Leads: the five referred ones (PARTNER Jan 3 ×2, RECOMMENDATION Jan 4 ×3); WEBSITE Jan 3, 10, 17, 31 23:59 and
/// Feb 1 00:00; LANDING_PAGE on page lp-7b Jan 5, 6. Spend: WEBSITE Jan EUR 10000 (reach 50000, clicks 400), Jan USD 9999
/// (reach 7, clicks 7), Feb EUR 6000 (reach and clicks unknown); LANDING_PAGE lp-7b Jan EUR 3000 (reach 1000, clicks 100).</item>
/// <item>Discounts (EUR, client D, no owner): Apr 2 gross 200000 with D1 20000; Apr 10 50000 with D4 2500; Apr 20 100000
/// with D1 5000 + D3 2500 (ADDITIVE); Apr 25 10000 without; Apr 28 300000 with D1 45000, refunded; May 1 00:00 1000 with D3 50.</item>
/// </list>
/// </summary>
public static class BusinessKpiFixture
{
    /// <summary>The ids the tests need.</summary>
    public sealed record Ids(long Manager, long SecondManager, long PartnerOne, long PartnerTwo, long ClientS1)
    {
        public string ManagerId => GlobalId.Encode("StaffUser", Manager);

        public string SecondManagerId => GlobalId.Encode("StaffUser", SecondManager);

        public string PartnerOneId => GlobalId.Encode("Partner", PartnerOne);

        public string PartnerTwoId => GlobalId.Encode("Partner", PartnerTwo);

        public string ClientS1Id => GlobalId.Encode("Client", ClientS1);
    }

    private static int _phone = 7770000;

    private static readonly ConditionalWeakTable<ApiHost, Task<Ids>> Seeded = new();

    public static Task<Ids> SeedAsync(ApiHost api)
    {
        lock (Seeded)
            return Seeded.GetValue(api, InsertAsync);
    }

    public static DateTime At(int month, int day, int hour = 12, int minute = 0) => new(2032, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static async Task<Ids> InsertAsync(ApiHost api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var manager = new StaffUser { Name = "Kpi 7b manager", Email = "kpi7b.manager@example.test", SalesRole = SalesRole.Farmer };
        var second = new StaffUser { Name = "Kpi 7b second manager", Email = "kpi7b.second@example.test", SalesRole = SalesRole.Farmer };
        var p1 = new Partner { Name = "Kpi 7b partner one", Type = PartnerType.AdAgency };
        var p2 = new Partner { Name = "Kpi 7b partner two", Type = PartnerType.Dealer };
        db.AddRange(manager, second, p1, p2);
        await db.SaveChangesAsync();

        // Strategic clients (CHF).
        var a = Client("A", null, LoyaltyCategory.Regular);
        var b = Client("B", null, LoyaltyCategory.Regular);
        var c = Client("C", null, LoyaltyCategory.Regular);
        Orders(a, (At(1, 10), 1000, OrderStatus.Paid, "CHF"), (At(2, 5), 5000, OrderStatus.Refunded, "CHF"));
        Orders(b, (At(1, 11), 1001, OrderStatus.Paid, "CHF"), (At(2, 6), 300, OrderStatus.Paid, "USD"));
        Orders(c, (At(1, 12), 3999, OrderStatus.Paid, "CHF"), (At(1, 20), 4000, OrderStatus.Paid, "CHF"), (At(2, 3), 500, OrderStatus.Paid, "CHF"),
            (At(2, 1, 0), 250, OrderStatus.Paid, "CHF"));

        // Sleeping clients (EUR), all of the manager.
        var s1 = Client("S1", manager.Id, LoyaltyCategory.Loyal);
        var s2 = Client("S2", manager.Id, LoyaltyCategory.Regular);
        var s3 = Client("S3", manager.Id, LoyaltyCategory.Fan);
        Orders(s1, (At(1, 1), 100, OrderStatus.Paid, "EUR"), (At(1, 8), 100, OrderStatus.Paid, "EUR"), (At(1, 15), 100, OrderStatus.Paid, "EUR"));
        Orders(s2, (At(1, 5), 100, OrderStatus.Paid, "EUR"));
        Orders(s3, (At(1, 1), 100, OrderStatus.Paid, "EUR"), (At(1, 31), 100, OrderStatus.Paid, "EUR"));
        var x = Client("X", second.Id, LoyaltyCategory.Regular);

        // Referred clients (EUR).
        var r1 = Client("R1", null, LoyaltyCategory.Potential);
        var r2 = Client("R2", null, LoyaltyCategory.Potential);
        var r3 = Client("R3", null, LoyaltyCategory.Potential);
        var r4 = Client("R4", null, LoyaltyCategory.Potential);
        var r5 = Client("R5", null, LoyaltyCategory.Potential);
        Orders(r1, (At(2, 10), 1000, OrderStatus.Paid, "EUR"), (At(3, 5), 2000, OrderStatus.Paid, "EUR"), (At(3, 6), 700, OrderStatus.Refunded, "EUR"));
        Orders(r2, (At(3, 20), 4000, OrderStatus.Paid, "EUR"));
        Orders(r3, (At(2, 15), 500, OrderStatus.Paid, "EUR"));
        Orders(r4, (At(3, 2), 900, OrderStatus.Placed, "EUR"));
        Orders(r5, (At(3, 1, 0), 800, OrderStatus.Paid, "EUR"));
        // Discounts by rule (EUR, April and May): parts as OrderService stores them (DiscountQuote.AmountByRule).
        var d = Client("D", null, LoyaltyCategory.Regular);
        Discounted(d, At(4, 2), 200000, OrderStatus.Paid, d1: 20000);
        Discounted(d, At(4, 10), 50000, OrderStatus.Paid, d4: 2500);
        Discounted(d, At(4, 20), 100000, OrderStatus.Paid, d1: 5000, d3: 2500);
        Discounted(d, At(4, 25), 10000, OrderStatus.Paid);
        Discounted(d, At(4, 28), 300000, OrderStatus.Refunded, d1: 45000);
        Discounted(d, At(5, 1, 0), 1000, OrderStatus.Paid, d3: 50);
        db.Clients.AddRange(a, b, c, s1, s2, s3, x, r1, r2, r3, r4, r5, d);

        var leads = new[]
        {
            Lead(At(1, 3, 10), LeadChannels.Partner), Lead(At(1, 3, 11), LeadChannels.Partner),
            Lead(At(1, 4, 10), LeadChannels.Recommendation), Lead(At(1, 4, 11), LeadChannels.Recommendation), Lead(At(1, 4, 12), LeadChannels.Recommendation),
        };
        db.Leads.AddRange(leads);
        db.Leads.AddRange(
            Lead(At(1, 3), LeadChannels.Website), Lead(At(1, 10), LeadChannels.Website), Lead(At(1, 17), LeadChannels.Website),
            Lead(At(1, 31, 23, 59), LeadChannels.Website), Lead(At(2, 1, 0), LeadChannels.Website),
            Lead(At(1, 5), LeadChannels.LandingPage, "lp-7b"), Lead(At(1, 6), LeadChannels.LandingPage, "lp-7b"));
        db.MarketingSpends.AddRange(
            Spend(LeadChannels.Website, null, At(1, 1, 0), 10000, "EUR", 50000, 400),
            Spend(LeadChannels.Website, null, At(1, 1, 0), 9999, "USD", 7, 7),
            Spend(LeadChannels.Website, null, At(2, 1, 0), 6000, "EUR", null, null),
            Spend(LeadChannels.LandingPage, "lp-7b", At(1, 1, 0), 3000, "EUR", 1000, 100));
        await db.SaveChangesAsync();

        var program = await db.ReferralPrograms.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var referrals = new[]
        {
            Referral(program, leads[0], r1, p1.Id, null), Referral(program, leads[1], r2, p2.Id, null),
            Referral(program, leads[2], r3, null, s1.Id), Referral(program, leads[3], r4, null, s3.Id), Referral(program, leads[4], r5, null, x.Id),
        };
        db.Referrals.AddRange(referrals);
        await db.SaveChangesAsync();
        db.Rewards.AddRange(
            Reward(referrals[0], 100, RewardStatus.Paid, At(2, 10)), Reward(referrals[0], 200, RewardStatus.Approved, At(3, 5)),
            Reward(referrals[0], 70, RewardStatus.Void, At(3, 6)), Reward(referrals[1], 400, RewardStatus.Earned, At(3, 20)),
            Reward(referrals[2], 50, RewardStatus.Approved, At(2, 15)), Reward(referrals[3], 999, RewardStatus.Pending, null),
            Reward(referrals[4], 80, RewardStatus.Earned, At(3, 1, 0)));
        await db.SaveChangesAsync();
        return new Ids(manager.Id, second.Id, p1.Id, p2.Id, s1.Id);
    }

    private static Client Client(string name, long? owner, LoyaltyCategory category) =>
        new() { Name = $"Kpi 7b client {name}", Kind = ClientKind.Company, OwnerId = owner, LoyaltyCategory = category };

    private static Lead Lead(DateTime created, string channel, string? landingPage = null) => new()
    {
        FirstName = "Kpi7b",
        Phone = $"+4932{Interlocked.Increment(ref _phone)}",
        CreatedAt = created,
        Channel = channel,
        LandingPage = landingPage,
        Temperature = LeadTemperature.Warm,
        RequestType = RequestType.Consultation,
        Status = LeadStatus.New,
    };

    private static MarketingSpend Spend(string channel, string? landingPage, DateTime start, long amount, string currency, long? reach, long? clicks) => new()
    {
        Channel = channel,
        LandingPage = landingPage,
        PeriodStart = start,
        PeriodEnd = start.AddMonths(1),
        AmountMinor = amount,
        Currency = currency,
        Impressions = reach,
        Clicks = clicks,
    };

    private static Referral Referral(long program, Lead lead, Client client, long? partner, long? referrer) => new()
    {
        ProgramId = program,
        LeadId = lead.Id,
        ClientId = client.Id,
        PartnerId = partner,
        ReferrerClientId = referrer,
        Status = ReferralStatus.Converted,
        AttributedAt = lead.CreatedAt,
        ConvertedAt = lead.CreatedAt.AddDays(1),
    };

    private static Reward Reward(Referral referral, long amount, RewardStatus status, DateTime? earnedAt) => new()
    {
        ReferralId = referral.Id,
        AmountMinor = amount,
        Currency = "EUR",
        Status = status,
        EarnedAt = earnedAt,
        ApprovedAt = status is RewardStatus.Approved or RewardStatus.Paid ? earnedAt?.AddDays(30) : null,
        PaidAt = status == RewardStatus.Paid ? earnedAt?.AddDays(31) : null,
        VoidedAt = status == RewardStatus.Void ? earnedAt?.AddDays(1) : null,
    };

    private static void Discounted(Client client, DateTime at, long gross, OrderStatus status, long d1 = 0, long d3 = 0, long d4 = 0) =>
        client.Orders.Add(new Order
        {
            Number = client.Orders.Count + 1,
            GrossAmountMinor = gross,
            DiscountAmountMinor = d1 + d3 + d4,
            NetAmountMinor = gross - d1 - d3 - d4,
            SingleReceiptDiscountMinor = d1,
            TenureDiscountMinor = d3,
            NthOrderDiscountMinor = d4,
            PaymentMode = PaymentMode.Single,
            Status = status,
            PlacedAt = at,
            PaidAt = at,
            RefundedAt = status == OrderStatus.Refunded ? at.AddDays(1) : null,
        });

    private static void Orders(Client client, params (DateTime At, long Net, OrderStatus Status, string Currency)[] orders)
    {
        var number = 0;
        foreach (var (at, net, status, currency) in orders)
            client.Orders.Add(new Order
            {
                Number = ++number,
                GrossAmountMinor = net,
                NetAmountMinor = net,
                Currency = currency,
                PaymentMode = PaymentMode.Single,
                Status = status,
                PlacedAt = at,
                PaidAt = status is OrderStatus.Paid or OrderStatus.Refunded ? at : null,
                RefundedAt = status == OrderStatus.Refunded ? at.AddDays(1) : null,
            });
    }
}
