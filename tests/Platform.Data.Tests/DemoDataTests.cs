using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Tests.Infrastructure;
using Platform.DemoData;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Orders;
using Platform.Domain.Referrals;

namespace Platform.Data.Tests;

/// <summary>The demo data is deterministic, realistic and consistent (on SQLite files).</summary>
public sealed class DemoDataTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 3, 15, 10, 30, 0, DateTimeKind.Utc);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private async Task<ServiceProvider> SeededAsync(string name, int leads)
    {
        var services = TestServices.Build("Sqlite", $"Data Source={_directory.File(name + ".db")}",
            s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now))));
        await services.MigrateDatabaseAsync();
        using var scope = services.CreateScope();
        await DemoDataset.SeedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), leads, Now);
        return services;
    }

    [Fact]
    public async Task DemoData_SameArguments_SameData()
    {
        await using var first = await SeededAsync("first", 1500);
        await using var second = await SeededAsync("second", 1500);

        Assert.Equal(await FingerprintAsync(first), await FingerprintAsync(second));
    }

    [Fact]
    public async Task DemoData_Leads_SpreadOverLifecycleChannelsAndYear()
    {
        await using var services = await SeededAsync("spread", 2500);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var byStatus = await db.Leads.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var converted = byStatus[LeadStatus.Converted] / 2500.0;
        var channels = await db.Leads.Select(l => l.Channel).Distinct().CountAsync();
        var temperatures = await db.Leads.Select(l => l.Temperature).Distinct().CountAsync();
        var owners = await db.Leads.Where(l => l.OwnerId != null).Select(l => l.OwnerId).Distinct().CountAsync();
        var oldest = await db.Leads.MinAsync(l => l.CreatedAt);
        var newest = await db.Leads.MaxAsync(l => l.CreatedAt);
        var activitiesPerLead = await db.Leads.Select(l => l.Activities.Count).ToListAsync();

        Assert.Equal(Enum.GetValues<LeadStatus>().Length, byStatus.Count);
        Assert.InRange(converted, 0.15, 0.30);
        Assert.True(channels >= 8);
        Assert.Equal(3, temperatures);
        Assert.True(owners >= 5);
        Assert.True(oldest < Now.AddDays(-300) && newest > Now.AddDays(-2) && newest <= Now);
        Assert.InRange(activitiesPerLead.Min(), 0, 1);
        Assert.InRange(activitiesPerLead.Max(), 4, 8);
        Assert.Equal(2500, await db.Leads.Select(l => l.Id).Distinct().CountAsync());
    }

    [Fact]
    public async Task DemoData_Records_AreConsistent()
    {
        await using var services = await SeededAsync("consistent", 2500);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        // C3: converted leads and their clients point at each other; every client has a contact.
        var convertedLeads = await db.Leads.Where(l => l.Status == LeadStatus.Converted).ToListAsync();
        var clients = await db.Clients.Include(c => c.Contacts).ToDictionaryAsync(c => c.Id);
        Assert.All(convertedLeads, l =>
        {
            Assert.NotNull(l.ConvertedAt);
            Assert.Equal(l.Id, clients[l.ConvertedClientId!.Value].OriginLeadId);
        });
        Assert.Equal(convertedLeads.Count, clients.Count);
        Assert.All(clients.Values, c => Assert.Contains(c.Contacts, x => x.OriginLeadId == c.OriginLeadId && x.HasDecisionAuthority));

        // T1: a demo download must be answered within 2 hours, other inbound requests within 1.
        var inbound = await db.Leads.Where(l => l.Origin != LeadOrigin.Spear).ToListAsync();
        Assert.All(inbound, l => Assert.Equal(l.CreatedAt.AddHours(l.RequestType == RequestType.DemoDownload ? 2 : 1), l.FirstResponseDueAt));

        // Deals: stage history ends in the current stage; won deals have a paid order; the Q3 gate holds.
        var wonStage = DefaultPipeline.StageId(PipelineStageCodes.Won);
        var deals = await db.Deals.Include(d => d.StageChanges).ToListAsync();
        Assert.All(deals, d => Assert.Equal(d.StageId, d.StageChanges.OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).Last().ToStageId));
        Assert.All(deals.Where(d => d.StageId >= DefaultPipeline.StageId(PipelineStageCodes.StartOfWorkAgreed) && d.StageId <= wonStage),
            d => Assert.True(d.Requirements is not null && d.ProposedPriceMinor is not null));
        var paidDeals = await db.Orders.Where(o => o.DealId != null && o.PaidAt != null).Select(o => o.DealId!.Value).ToListAsync();
        Assert.All(deals.Where(d => d.StageId == wonStage), d => Assert.Contains(d.Id, paidDeals));

        // Orders: numbered 1..n per client, net = gross − discount, payments add up for paid single-payment orders.
        var orders = await db.Orders.Include(o => o.Payments).ToListAsync();
        Assert.NotEmpty(orders);
        Assert.All(orders.GroupBy(o => o.ClientId), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(o => o.Number).Order()));
        Assert.All(orders, o => Assert.Equal(o.GrossAmountMinor - o.DiscountAmountMinor, o.NetAmountMinor));
        Assert.All(orders.Where(o => o.Status == OrderStatus.Paid),
            o => Assert.Equal(o.NetAmountMinor, o.Payments.Where(p => p.Kind == PaymentKind.Payment).Sum(p => p.AmountMinor)));
        Assert.Contains(orders, o => o.DiscountAmountMinor > 0);
        Assert.Contains(orders, o => o.PaymentMode == PaymentMode.Installment);

        // Referrals: partner leads are attributed; rewards only for converted referrals (R3).
        var partnerLeads = await db.Leads.CountAsync(l => l.Channel == LeadChannels.Partner);
        Assert.Equal(partnerLeads, await db.Referrals.CountAsync());
        var rewards = await db.Rewards.Join(db.Referrals, w => w.ReferralId, r => r.Id, (w, r) => new { w.Status, Referral = r.Status, w.PayoutId }).ToListAsync();
        Assert.NotEmpty(rewards);
        Assert.All(rewards, r => Assert.NotEqual(ReferralStatus.Referred, r.Referral));
        Assert.All(rewards.Where(r => r.Status == RewardStatus.Paid), r => Assert.NotNull(r.PayoutId));

        // Nothing happens after "now".
        Assert.True(await db.Activities.AllAsync(a => a.OccurredAt <= Now));
        Assert.True(await db.Orders.AllAsync(o => o.PlacedAt <= Now && (o.PaidAt == null || o.PaidAt <= Now)));
        Assert.True(await db.Payments.AllAsync(p => p.PaidAt <= Now));
        Assert.True(await db.DealStageChanges.AllAsync(c => c.ChangedAt <= Now));
        Assert.True(await db.Rewards.AllAsync(r => r.PaidAt == null || r.PaidAt <= Now));
    }

    [Fact]
    public async Task DemoData_NoLeads_SeedsTeamPartnersAndPlans()
    {
        await using var services = await SeededAsync("empty", 0);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        Assert.Equal(0, await db.Leads.CountAsync());
        Assert.Equal(8, await db.StaffUsers.CountAsync());
        Assert.Equal(6, await db.ReferralCodes.CountAsync());
        Assert.True(await db.SalesPlans.CountAsync() > 0);
    }

    private static async Task<string> FingerprintAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var text = new StringBuilder();
        foreach (var l in await db.Leads.OrderBy(l => l.Id).ToListAsync())
        {
            text.AppendLine($"{l.Id}|{l.FirstName}|{l.LastName}|{l.Phone}|{l.Email}|{l.Company}|{l.Channel}|{l.Status}|{l.Temperature}|{l.OwnerId}|{l.CreatedAt:O}|{l.UpdatedAt:O}|{l.ConvertedClientId}");
        }

        foreach (var a in await db.Activities.OrderBy(a => a.Id).ToListAsync())
        {
            text.AppendLine($"{a.Id}|{a.LeadId}|{a.Type}|{a.OccurredAt:O}|{a.Result}");
        }

        foreach (var o in await db.Orders.OrderBy(o => o.Id).ToListAsync())
        {
            text.AppendLine($"{o.Id}|{o.ClientId}|{o.Number}|{o.NetAmountMinor}|{o.Status}|{o.PaidAt:O}|{o.DiscountBreakdown}");
        }

        foreach (var r in await db.Rewards.OrderBy(r => r.Id).ToListAsync())
        {
            text.AppendLine($"{r.Id}|{r.ReferralId}|{r.AmountMinor}|{r.Status}|{r.PayoutId}");
        }

        foreach (var s in await db.MarketingSpends.OrderBy(s => s.Id).ToListAsync())
        {
            text.AppendLine($"{s.Id}|{s.Channel}|{s.LandingPage}|{s.PeriodStart:O}|{s.AmountMinor}");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
