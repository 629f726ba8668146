using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Orders;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Kpis;

/// <summary>
/// Quarterly sales plan fulfilment (T8, entity <c>SalesPlan</c>): paid revenue
/// of the quarter / target × 100, for the team (the plan without owner, against all paid revenue) and for each manager
/// (their plan, against the revenue of the clients they own — the MANAGER dimension of <c>revenueKpi</c>). Revenue is
/// net of discounts, of orders with status PAID paid in the quarter, in the plan's currency. Two grouped queries.
/// </summary>
public sealed class SalesPlanKpis(PlatformDbContext db)
{
    /// <summary>The team row first, then one row per manager with a plan or with revenue, by id.</summary>
    public async Task<IReadOnlyList<SalesPlanRow>> QuarterAsync(int year, int quarter, string currency, CancellationToken ct)
    {
        var start = new DateTime(year, (quarter - 1) * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddMonths(3);
        var plans = await db.SalesPlans.AsNoTracking()
            .Where(p => p.Year == year && p.Quarter == quarter && p.Currency == currency)
            .Select(p => new { p.OwnerId, p.TargetAmountMinor })
            .ToListAsync(ct);
        var revenue = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid && o.PaidAt >= start && o.PaidAt < end && o.Currency == currency)
            .GroupBy(o => o.Client.OwnerId)
            .Select(g => new { OwnerId = g.Key, Amount = g.Sum(o => o.NetAmountMinor) })
            .ToListAsync(ct);

        var team = new SalesPlanRow(null, currency, plans.FirstOrDefault(p => p.OwnerId is null)?.TargetAmountMinor, revenue.Sum(r => r.Amount));
        var managers = plans.Select(p => p.OwnerId).Concat(revenue.Select(r => r.OwnerId)).OfType<long>().Distinct().Order()
            .Select(id => new SalesPlanRow(GlobalId.Encode("StaffUser", id), currency,
                plans.FirstOrDefault(p => p.OwnerId == id)?.TargetAmountMinor, revenue.Where(r => r.OwnerId == id).Sum(r => r.Amount)));
        return [team, .. managers];
    }
}

/// <summary>A manager's (or the team's) paid revenue in a quarter against the sales plan (T8).</summary>
public sealed record SalesPlanRow(string? Manager, string Currency, long? TargetMinor, long RevenueMinor)
{
    /// <summary>Revenue / target × 100; null without a plan or with a zero target.</summary>
    public double? Fulfilment => TargetMinor is null or 0 ? null : 100.0 * RevenueMinor / TargetMinor.Value;
}

/// <summary>The <c>SalesPlanKpiRow</c> type.</summary>
public sealed class SalesPlanRowType : ObjectGraphType<SalesPlanRow>
{
    public SalesPlanRowType()
    {
        Name = "SalesPlanKpiRow";
        Description = "Quarterly sales plan fulfilment of the team or one manager: paid revenue of the quarter against the plan's target.";
        Field(x => x.Manager, type: typeof(IdGraphType)).Description("The manager (a StaffUser global ID); null for the team row, whose revenue is all paid revenue.");
        Field(x => x.Currency).Description("ISO 4217 currency of the amounts; plans and orders in other currencies are left out.");
        Field(x => x.TargetMinor, nullable: true).Description("The plan's revenue target, in minor units; null without a plan.");
        Field(x => x.RevenueMinor).Description("Net revenue of the orders paid in the quarter (a manager's: of the clients they own), in minor units.");
        Field(x => x.Fulfilment, nullable: true).Description("Revenue / target × 100; null without a plan or with a zero target.");
    }
}
