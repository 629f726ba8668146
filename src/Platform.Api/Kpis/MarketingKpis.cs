using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Orders;

namespace Platform.Api.Kpis;

/// <summary>
/// The marketing plan of a quarter per channel (O3): leads against the target, cost per lead and ROI from
/// recorded spend. Each of leads, spend, plans and revenue is one grouped query by channel.
/// </summary>
public sealed class MarketingKpis(PlatformDbContext db)
{
    /// <summary>
    /// Leads created in the quarter; spend whose period starts in it (all of its amount); revenue of orders paid in it by
    /// clients whose origin lead came through the channel. Money only in <paramref name="currency"/>.
    /// CPL = spend / leads; ROI = (revenue − spend) / spend × 100; it pays back when ROI &gt; 0.
    /// </summary>
    public async Task<IReadOnlyList<MarketingRow>> QuarterAsync(int year, int quarter, string currency, CancellationToken ct)
    {
        var start = new DateTime(year, (quarter - 1) * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddMonths(3);
        var leads = await db.Leads.AsNoTracking()
            .Where(l => l.CreatedAt >= start && l.CreatedAt < end)
            .GroupBy(l => l.Channel).Select(g => new { Channel = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Channel, g => g.Count, ct);
        var spend = await db.MarketingSpends.AsNoTracking()
            .Where(s => s.PeriodStart >= start && s.PeriodStart < end && s.Currency == currency)
            .GroupBy(s => s.Channel).Select(g => new { Channel = g.Key, Amount = g.Sum(s => s.AmountMinor) })
            .ToDictionaryAsync(g => g.Channel, g => g.Amount, ct);
        var plans = await db.MarketingPlans.AsNoTracking()
            .Where(p => p.Year == year && p.Quarter == quarter && p.Currency == currency)
            .ToDictionaryAsync(p => p.Channel, ct);
        var revenue = await (
                from o in db.Orders.AsNoTracking()
                where o.Status == OrderStatus.Paid && o.PaidAt >= start && o.PaidAt < end && o.Currency == currency
                join l in db.Leads on o.Client.OriginLeadId equals (long?)l.Id
                group o by l.Channel into g
                select new { Channel = g.Key, Amount = g.Sum(o => o.NetAmountMinor) })
            .ToDictionaryAsync(g => g.Channel, g => g.Amount, ct);

        return leads.Keys.Union(spend.Keys).Union(plans.Keys).Union(revenue.Keys)
            .Order(StringComparer.Ordinal)
            .Select(channel =>
            {
                var count = leads.GetValueOrDefault(channel);
                var cost = spend.GetValueOrDefault(channel);
                var plan = plans.GetValueOrDefault(channel);
                var income = revenue.GetValueOrDefault(channel);
                double? roi = cost == 0 ? null : 100.0 * (income - cost) / cost;
                return new MarketingRow(channel, currency, plan?.TargetLeads, count,
                    plan is null ? null : Durations.Percent(count, plan.TargetLeads), cost,
                    count == 0 ? null : (long)Math.Round((decimal)cost / count, MidpointRounding.ToEven), plan?.MaxCostPerLeadMinor,
                    income, roi, roi is null ? null : roi > 0);
            })
            .ToList();
    }
}
