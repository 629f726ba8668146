using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Loyalty;
using Platform.Domain.Orders;

namespace Platform.Api.Loyalty;

/// <summary>
/// Reads what the loyalty rules and the computed client fields need: the paid orders of a batch of
/// clients (one statement) and the whole trailing-12-month turnover (one statement).
/// </summary>
public sealed class PurchaseFacts(PlatformDbContext db, DiscountEngine engine, IOptions<LoyaltyOptions> loyalty, IOptions<ClientInsightsOptions> insights, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public string Currency => loyalty.Value.Currency;

    /// <summary>The purchase figures of each client in <paramref name="clientIds"/>, in two statements.</summary>
    public async Task<Dictionary<long, PurchaseStats>> StatsAsync(IReadOnlyList<long> clientIds, CancellationToken ct)
    {
        var now = Now;
        var facts = await PaidOrdersAsync(clientIds, ct);
        var total = await TrailingRevenueAsync(now, ct);
        return clientIds.Distinct().ToDictionary(id => id, id =>
            PurchaseStats.Compute(facts.TryGetValue(id, out var paid) ? paid : [], total, now, engine, insights.Value, Currency));
    }

    /// <summary>One client's loyalty history (D3, D4), in one statement.</summary>
    public async Task<LoyaltyHistory> HistoryAsync(long clientId, CancellationToken ct)
    {
        var paid = (await PaidOrdersAsync([clientId], ct)).GetValueOrDefault(clientId) ?? [];
        return PurchaseStats.HistoryOf(paid, engine, Currency);
    }

    private async Task<Dictionary<long, List<PaidOrderFact>>> PaidOrdersAsync(IReadOnlyList<long> clientIds, CancellationToken ct)
    {
        var currency = Currency;
        var rows = await db.Orders.AsNoTracking()
            .Where(o => clientIds.Contains(o.ClientId) && o.Status == OrderStatus.Paid && o.PaidAt != null && o.Currency == currency)
            .Select(o => new { o.ClientId, o.PlacedAt, PaidAt = o.PaidAt!.Value, o.GrossAmountMinor, o.NetAmountMinor })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ClientId).ToDictionary(g => g.Key, g => g.Select(r => new PaidOrderFact(r.PlacedAt, r.PaidAt, r.GrossAmountMinor, r.NetAmountMinor)).ToList());
    }

    private async Task<long> TrailingRevenueAsync(DateTime now, CancellationToken ct)
    {
        var currency = Currency;
        var from = now.AddYears(-1);
        return await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid && o.PaidAt > from && o.PaidAt <= now && o.Currency == currency)
            .SumAsync(o => (long?)o.NetAmountMinor, ct) ?? 0;
    }
}
