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
using Platform.Domain.Referrals;

namespace Platform.Api.Tests.Kpis;

/// <summary>
/// The hand-computed dataset of the pipeline, proposal-time, hourglass and sales-plan KPIs, all in 2031 (other KPI
/// fixtures use 2030 and 2032), inserted once per host. Expected figures are in <see cref="FunnelKpiTests{THost}"/>.
/// <code>
/// deal  owner  stage history (default pipeline)                                                   proposal time
/// A     m1     NEW 01-02 09:00, CONTACTED 01-03, NEEDS 01-05 10:00, PROPOSAL 01-06 10:00,         24 h (Jan)
///              START_OF_WORK 01-10, CONTRACT 01-15, WON 01-20 (closed, 100000)
/// B     m1     NEW 01-04 08:00, CONTACTED 01-04 12:00, NEEDS 01-06 08:00, PROPOSAL 01-08 08:00,   48 h (Jan)
///              LOST 02-03 (closed, 60000)
/// C     m2     NEW 01-10 00:00 (created), CONTACTED 01-11, PROPOSAL 01-13 06:00 (needs skipped)   78 h from creation (Jan)
/// D     —      NEW 01-20 12:00, NEEDS 01-22 12:00; proposalSentAt 02-01 12:00 (no stage move)   240 h (Feb)
/// E     m2     NEW 02-01 00:00, CONTACTED 02-03, PROPOSAL 02-04 10:00, NEEDS 02-05 (moved back)  left out: needs after proposal
/// </code>
/// Hourglass: anonymous interests Jan 3 (+1 linked to a lead, not counted), Feb 1; leads Jan 4 (one at 01-31 23:59:59),
/// Feb 1 (at 02-01 00:00); qualified Jan 1, Feb 2; proposals Jan A B C, Feb D E; clients K1 (m1) paid 01-10, 01-20,
/// 01-25, 02-05, 03-01, 04-01; K2 (m2) refunded 01-01, paid 01-15, paid 4000 USD 03-05; K3 (no owner) placed 01-03
/// unpaid, paid 02-10; referrals Jan 2 (+1 rejected), Feb none.
/// Sales plans: Q1 team 100000 EUR, m1 50000 EUR, m2 0 EUR (a zero target); Q2 m1 33330 EUR.
/// </summary>
public static class FunnelKpiFixture
{
    private static int _phone = 7770000;

    private static readonly ConditionalWeakTable<ApiHost, Task<(long M1, long M2)>> Seeded = new();

    /// <summary>Inserts the dataset once; returns the ids of the two managers m1 and m2.</summary>
    public static Task<(long M1, long M2)> SeedAsync(ApiHost api)
    {
        lock (Seeded)
            return Seeded.GetValue(api, InsertAsync);
    }

    public static DateTime At(int month, int day, int hour = 0, int minute = 0, int second = 0) => new(2031, month, day, hour, minute, second, DateTimeKind.Utc);

    private static Lead Lead(DateTime created, DateTime? qualified = null) => new()
    {
        FirstName = "Funnel",
        Phone = $"+4931{Interlocked.Increment(ref _phone)}",
        CreatedAt = created,
        Channel = LeadChannels.Website,
        QualifiedAt = qualified,
        Status = qualified is null ? LeadStatus.New : LeadStatus.Qualified,
    };

    private static async Task<(long, long)> InsertAsync(ApiHost api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var staff = await db.StaffUsers.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        var (m1, m2) = (staff[0], staff[1]);

        var la = Lead(At(1, 2, 9), qualified: At(1, 3));
        var lb = Lead(At(1, 5), qualified: At(2, 2));
        var lc = Lead(At(1, 15));
        var ld = Lead(At(1, 31, 23, 59, 59));
        var le = Lead(At(2, 1), qualified: At(2, 10));
        db.Leads.AddRange(la, lb, lc, ld, le);
        await db.SaveChangesAsync();

        db.Interests.AddRange(
            Interest(At(1, 3)), Interest(At(1, 12)), Interest(At(1, 31, 23)), Interest(At(1, 4), la.Id), Interest(At(2, 28, 23, 59, 59)),
            Interest(At(3, 1))); // the range end, exclusive

        var k1 = new Client { Name = "Funnel client 1", Kind = ClientKind.Company, OwnerId = m1 };
        var k2 = new Client { Name = "Funnel client 2", Kind = ClientKind.Company, OwnerId = m2 };
        var k3 = new Client { Name = "Funnel client 3", Kind = ClientKind.Company };
        Orders(k1, (At(1, 10), 10000, OrderStatus.Paid, "EUR"), (At(1, 20), 20000, OrderStatus.Paid, "EUR"), (At(1, 25), 5000, OrderStatus.Paid, "EUR"),
            (At(2, 5), 5000, OrderStatus.Paid, "EUR"), (At(3, 1), 7000, OrderStatus.Paid, "EUR"), (At(4, 1), 9999, OrderStatus.Paid, "EUR"));
        Orders(k2, (At(1, 1), 8000, OrderStatus.Refunded, "EUR"), (At(1, 15), 30000, OrderStatus.Paid, "EUR"), (At(3, 5), 4000, OrderStatus.Paid, "USD"));
        Orders(k3, (At(1, 3), 6000, OrderStatus.Placed, "EUR"), (At(2, 10), 15000, OrderStatus.Paid, "EUR"));
        db.Clients.AddRange(k1, k2, k3);
        await db.SaveChangesAsync();

        var program = await db.ReferralPrograms.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        db.Referrals.AddRange(
            new Referral { ProgramId = program, LeadId = la.Id, AttributedAt = At(1, 2, 9), Status = ReferralStatus.Converted },
            new Referral { ProgramId = program, LeadId = lb.Id, AttributedAt = At(1, 5), Status = ReferralStatus.Referred },
            new Referral { ProgramId = program, LeadId = lc.Id, AttributedAt = At(1, 15), Status = ReferralStatus.Rejected, RejectionReason = "Self-referral" });

        db.Deals.AddRange(
            Deal(k1, la.Id, m1, 100000, PipelineStageCodes.Won, At(1, 20), null,
                (PipelineStageCodes.New, At(1, 2, 9)), (PipelineStageCodes.Contacted, At(1, 3)), (PipelineStageCodes.NeedsIdentified, At(1, 5, 10)),
                (PipelineStageCodes.ProposalSent, At(1, 6, 10)), (PipelineStageCodes.StartOfWorkAgreed, At(1, 10)), (PipelineStageCodes.ContractInvoiced, At(1, 15)),
                (PipelineStageCodes.Won, At(1, 20))),
            Deal(k1, lb.Id, m1, 60000, PipelineStageCodes.Lost, At(2, 3), null,
                (PipelineStageCodes.New, At(1, 4, 8)), (PipelineStageCodes.Contacted, At(1, 4, 12)), (PipelineStageCodes.NeedsIdentified, At(1, 6, 8)),
                (PipelineStageCodes.ProposalSent, At(1, 8, 8)), (PipelineStageCodes.Lost, At(2, 3))),
            Deal(k2, null, m2, 40000, PipelineStageCodes.ProposalSent, null, null,
                (PipelineStageCodes.New, At(1, 10)), (PipelineStageCodes.Contacted, At(1, 11)), (PipelineStageCodes.ProposalSent, At(1, 13, 6))),
            Deal(k3, null, null, 30000, PipelineStageCodes.NeedsIdentified, null, At(2, 1, 12),
                (PipelineStageCodes.New, At(1, 20, 12)), (PipelineStageCodes.NeedsIdentified, At(1, 22, 12))),
            Deal(k2, null, m2, 20000, PipelineStageCodes.NeedsIdentified, null, null,
                (PipelineStageCodes.New, At(2, 1)), (PipelineStageCodes.Contacted, At(2, 3)), (PipelineStageCodes.ProposalSent, At(2, 4, 10)),
                (PipelineStageCodes.NeedsIdentified, At(2, 5))));

        db.SalesPlans.AddRange(
            new SalesPlan { OwnerId = null, Year = 2031, Quarter = 1, TargetAmountMinor = 100000, Currency = "EUR" },
            new SalesPlan { OwnerId = m1, Year = 2031, Quarter = 1, TargetAmountMinor = 50000, Currency = "EUR" },
            new SalesPlan { OwnerId = m2, Year = 2031, Quarter = 1, TargetAmountMinor = 0, Currency = "EUR" },
            new SalesPlan { OwnerId = m1, Year = 2031, Quarter = 2, TargetAmountMinor = 33330, Currency = "EUR" });
        await db.SaveChangesAsync();
        return (m1, m2);
    }

    private static Interest Interest(DateTime at, long? leadId = null) => new() { Channel = LeadChannels.Website, OccurredAt = at, LeadId = leadId };

    private static Deal Deal(Client client, long? leadId, long? ownerId, long amount, string stage, DateTime? closedAt, DateTime? proposalSentAt,
        params (string Stage, DateTime At)[] history)
    {
        var deal = new Deal
        {
            ClientId = client.Id,
            LeadId = leadId,
            OwnerId = ownerId,
            PipelineId = DefaultPipeline.PipelineId,
            StageId = DefaultPipeline.StageId(stage),
            Title = "Funnel deal",
            AmountMinor = amount,
            ClosedAt = closedAt,
            ProposalSentAt = proposalSentAt,
            CreatedAt = history[0].At,
            Requirements = "Agreed",
            ProposedPriceMinor = amount,
        };
        long? from = null;
        foreach (var (code, at) in history)
        {
            var to = DefaultPipeline.StageId(code);
            deal.StageChanges.Add(new DealStageChange { FromStageId = from, ToStageId = to, ChangedAt = at, ChangedBy = "fixture" });
            from = to;
        }
        return deal;
    }

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
            });
    }
}
