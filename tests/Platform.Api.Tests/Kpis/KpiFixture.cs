using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;
using Platform.Domain.Orders;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Kpis;

/// <summary>
/// A small hand-computed dataset in 2030, years after the demo data, inserted once per host. 2030-01-01 is a Tuesday,
/// so 2030-01-06 is the Sunday ending the ISO week of 2029-12-31. Expected figures are in the tests next to the queries.
/// </summary>
public static class KpiFixture
{
    private static int _phone = 5550000;

    private static readonly ConditionalWeakTable<ApiHost, Task<long>> Seeded = new();

    /// <summary>Inserts the dataset once; returns the id of the staff user owning lead 1 and client 1.</summary>
    public static Task<long> SeedAsync(ApiHost api)
    {
        lock (Seeded)
            return Seeded.GetValue(api, InsertAsync);
    }

    private static DateTime At(int month, int day, int hour, int minute = 0) => new(2030, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static Lead Lead(DateTime created, string channel, LeadTemperature temperature, RequestType request, TimeSpan? converted, TimeSpan? responded) => new()
    {
        FirstName = "Kpi",
        Phone = $"+4930{Interlocked.Increment(ref _phone)}",
        CreatedAt = created,
        Channel = channel,
        Temperature = temperature,
        RequestType = request,
        Status = converted is null ? LeadStatus.New : LeadStatus.Converted,
        ConvertedAt = created + converted,
        FirstRespondedAt = created + responded,
    };

    private static async Task<long> InsertAsync(ApiHost api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var manager = await db.StaffUsers.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var l1 = Lead(At(1, 6, 10), LeadChannels.Website, LeadTemperature.Cold, RequestType.Consultation, TimeSpan.FromDays(2), TimeSpan.FromMinutes(30));
        l1.OwnerId = manager;
        db.Leads.AddRange(
            l1,
            Lead(At(1, 7, 9), LeadChannels.Website, LeadTemperature.Warm, RequestType.DemoDownload, TimeSpan.FromDays(4), TimeSpan.FromMinutes(90)),
            Lead(At(1, 20, 12), LeadChannels.LandingPage, LeadTemperature.Warm, RequestType.DemoDownload, null, TimeSpan.FromHours(3)),
            Lead(At(1, 31, 23, 30), LeadChannels.LandingPage, LeadTemperature.Hot, RequestType.Consultation, null, null),
            Lead(At(2, 1, 0), LeadChannels.Website, LeadTemperature.Cold, RequestType.DemoDownload, null, null),
            Lead(At(2, 14, 8), LeadChannels.ColdCall, LeadTemperature.Cold, RequestType.Other, TimeSpan.FromDays(10), TimeSpan.FromMinutes(10)),
            Lead(At(4, 1, 0), LeadChannels.Website, LeadTemperature.Warm, RequestType.Consultation, null, null));
        await db.SaveChangesAsync();

        var c1 = new Client { Name = "Kpi client 1", Kind = ClientKind.Company, OriginLeadId = l1.Id, OwnerId = manager };
        var c2 = new Client { Name = "Kpi client 2", Kind = ClientKind.Company };
        Orders(c1, (At(1, 10, 12), 10000, OrderStatus.Paid), (At(1, 20, 12), 20000, OrderStatus.Paid), (At(2, 5, 12), 5000, OrderStatus.Paid));
        Orders(c2, (At(1, 15, 12), 30001, OrderStatus.Paid), (At(2, 10, 12), 7000, OrderStatus.Refunded), (At(2, 11, 12), 9000, OrderStatus.Placed));
        db.Clients.AddRange(c1, c2);
        await db.SaveChangesAsync();

        db.Deals.AddRange(
            Deal(c1, l1.Id, manager, 100000, PipelineStageCodes.Won, At(1, 12, 12)),
            Deal(c1, null, null, 50001, PipelineStageCodes.Won, At(1, 25, 12)),
            Deal(c2, null, null, 70000, PipelineStageCodes.Lost, At(2, 3, 12)),
            Deal(c2, null, null, 90000, PipelineStageCodes.ProposalSent, null));
        await db.SaveChangesAsync();

        // August 2030, read only by the boundary tests: ten webinar leads answered after 10, 20 … 80, 120 and 121 minutes
        // (demo downloads: the 10, the 120 — exactly the T1 limit — and the 121 minute ones); the first four converted
        // after 1, 2, 3 and 10 days.
        int[] answeredAfter = [10, 20, 30, 40, 50, 60, 70, 80, 120, 121];
        int[] convertedAfter = [1, 2, 3, 10];
        db.Leads.AddRange(answeredAfter.Select((minutes, i) => Lead(
            At(8, i + 1, 9), LeadChannels.Webinar, LeadTemperature.Warm,
            minutes is 10 or 120 or 121 ? RequestType.DemoDownload : RequestType.Consultation,
            i < convertedAfter.Length ? TimeSpan.FromDays(convertedAfter[i]) : null, TimeSpan.FromMinutes(minutes))));

        db.MarketingPlans.AddRange(
            new MarketingPlan { Year = 2030, Quarter = 1, Channel = LeadChannels.Website, TargetLeads = 4, MaxCostPerLeadMinor = 2000 },
            new MarketingPlan { Year = 2030, Quarter = 1, Channel = LeadChannels.LandingPage, TargetLeads = 2, MaxCostPerLeadMinor = 5000 });
        db.MarketingSpends.AddRange(
            Spend(LeadChannels.Website, At(1, 1, 0), 3000),
            Spend(LeadChannels.Website, At(3, 1, 0), 1500),
            Spend(LeadChannels.LandingPage, At(2, 1, 0), 10000),
            Spend(LeadChannels.Website, At(1, 1, 0), 99999, "USD"),
            Spend(LeadChannels.Website, At(4, 1, 0), 7000));
        await db.SaveChangesAsync();
        return manager;
    }

    private static MarketingSpend Spend(string channel, DateTime start, long amount, string currency = "EUR") => new()
    {
        Channel = channel,
        PeriodStart = start,
        PeriodEnd = start.AddMonths(1),
        AmountMinor = amount,
        Currency = currency,
    };

    private static Deal Deal(Client client, long? leadId, long? ownerId, long amount, string stage, DateTime? closedAt) => new()
    {
        ClientId = client.Id,
        LeadId = leadId,
        OwnerId = ownerId,
        PipelineId = DefaultPipeline.PipelineId,
        StageId = DefaultPipeline.StageId(stage),
        Title = "Kpi deal",
        AmountMinor = amount,
        ClosedAt = closedAt,
    };

    private static void Orders(Client client, params (DateTime At, long Net, OrderStatus Status)[] orders)
    {
        var number = 0;
        foreach (var (at, net, status) in orders)
            client.Orders.Add(new Order
            {
                Number = ++number,
                GrossAmountMinor = net,
                NetAmountMinor = net,
                PaymentMode = PaymentMode.Single,
                Status = status,
                PlacedAt = at,
                PaidAt = status is OrderStatus.Paid or OrderStatus.Refunded ? at : null,
            });
    }

    /// <summary>The global ID the MANAGER dimension reports for <paramref name="staffUserId"/>.</summary>
    public static string ManagerId(long staffUserId) => GlobalId.Encode("StaffUser", staffUserId);
}
