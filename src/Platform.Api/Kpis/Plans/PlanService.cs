using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Api.Kpis.Plans;

/// <summary>
/// Plans and spend are data (T8 sales plan, O3 marketing plan and spend for CPL and ROI): staff set them through these
/// mutations: the sales plan heads of sales, admins and <c>plans:write</c>; the marketing plan and spend also marketers
/// (FieldAccess). Every bad input is a <see cref="ValidationError"/> or
/// <see cref="NotFoundError"/> and nothing is saved.
/// </summary>
public sealed class PlanService(PlatformDbContext db)
{
    private static readonly Regex ChannelCode = new("^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Creates or replaces the plan of an owner (null: the team) for a quarter. The model keeps one plan per owner and
    /// quarter (unique indexes, T8, the team plan's filtered on OwnerId IS NULL), so the currency is part of the plan: setting it in another currency replaces it.
    /// </summary>
    public async Task<PlanPayload<SalesPlan>> SetSalesPlanAsync(SetSalesPlanInput input, long? ownerId, CancellationToken ct)
    {
        if ((Quarter(input.Year, input.Quarter) ?? Money("target", input.Target)) is { } error)
            return PlanPayload<SalesPlan>.Failed(error);
        if (ownerId is { } owner && !await db.StaffUsers.AnyAsync(s => s.Id == owner, ct))
            return PlanPayload<SalesPlan>.Failed(new NotFoundError(input.OwnerId!, $"No staff user has the ID \"{input.OwnerId}\"."));
        // Calls for the same owner and quarter at once race: the unique indexes (one for managers, a filtered one for the
        // team plan) let one insert win and the losers fail; each loser reads the winner's row again and replaces it (an
        // upsert, last writer wins). A concurrent replace fails the version check the same way and is retried alike.
        for (var attempt = 1; ; attempt++)
        {
            var plan = await db.SalesPlans.SingleOrDefaultAsync(p => p.OwnerId == ownerId && p.Year == input.Year && p.Quarter == input.Quarter, ct);
            if (plan is null)
                db.SalesPlans.Add(plan = new SalesPlan { OwnerId = ownerId, Year = input.Year, Quarter = input.Quarter });
            plan.TargetAmountMinor = input.Target.Amount;
            plan.Currency = input.Target.Currency;
            try
            {
                await db.SaveChangesAsync(ct);
                return PlanPayload<SalesPlan>.Ok(plan);
            }
            catch (DbUpdateException) when (attempt < MaxUpsertAttempts)
            {
                db.Entry(plan).State = EntityState.Detached;
            }
        }
    }

    /// <summary>How often <see cref="SetSalesPlanAsync"/> re-reads and retries after losing a race for the same plan.</summary>
    private const int MaxUpsertAttempts = 10;

    /// <summary>Creates or replaces a channel's marketing plan for a quarter (O3); one plan per channel and quarter (unique index).</summary>
    public async Task<PlanPayload<MarketingPlan>> SetMarketingPlanAsync(SetMarketingPlanInput input, CancellationToken ct)
    {
        var channel = input.Channel.Trim();
        var error = Quarter(input.Year, input.Quarter) ?? Channel(channel)
            ?? (input.TargetLeads < 0 ? new ValidationError("targetLeads", "`targetLeads` must be zero or more.") : null)
            ?? Money("maxCostPerLead", input.MaxCostPerLead);
        if (error is not null)
            return PlanPayload<MarketingPlan>.Failed(error);
        var plan = await db.MarketingPlans.SingleOrDefaultAsync(p => p.Channel == channel && p.Year == input.Year && p.Quarter == input.Quarter, ct);
        if (plan is null)
            db.MarketingPlans.Add(plan = new MarketingPlan { Channel = channel, Year = input.Year, Quarter = input.Quarter });
        plan.TargetLeads = input.TargetLeads;
        plan.MaxCostPerLeadMinor = input.MaxCostPerLead.Amount;
        plan.Currency = input.MaxCostPerLead.Currency;
        await db.SaveChangesAsync(ct);
        return PlanPayload<MarketingPlan>.Ok(plan);
    }

    /// <summary>Records money spent on a channel over a period (the basis of cost per lead and ROI); each call adds a record.</summary>
    public async Task<PlanPayload<MarketingSpend>> RecordSpendAsync(RecordMarketingSpendInput input, CancellationToken ct)
    {
        var channel = input.Channel.Trim();
        var landingPage = TextInputs.Clean(input.LandingPage);
        var (start, end) = (Utc(input.PeriodStart), Utc(input.PeriodEnd));
        var error = Channel(channel)
            ?? (end <= start ? new ValidationError("periodEnd", "`periodEnd` must be later than `periodStart` (the end is exclusive).") : null)
            ?? Money("amount", input.Amount)
            ?? (input.Impressions < 0 ? new ValidationError("impressions", "`impressions` must be zero or more.") : null)
            ?? (input.Clicks < 0 ? new ValidationError("clicks", "`clicks` must be zero or more.") : null)
            ?? db.Check<MarketingSpend>(nameof(MarketingSpend.LandingPage), "landingPage", landingPage);
        if (error is not null)
            return PlanPayload<MarketingSpend>.Failed(error);
        var spend = new MarketingSpend
        {
            Channel = channel,
            LandingPage = landingPage,
            PeriodStart = start,
            PeriodEnd = end,
            AmountMinor = input.Amount.Amount,
            Currency = input.Amount.Currency,
            Impressions = input.Impressions,
            Clicks = input.Clicks,
        };
        db.MarketingSpends.Add(spend);
        await db.SaveChangesAsync(ct);
        return PlanPayload<MarketingSpend>.Ok(spend);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc);

    private static ValidationError? Quarter(int year, int quarter) =>
        quarter is < 1 or > 4 ? new ValidationError("quarter", $"`quarter` must be 1–4; it was {quarter}.")
        : year is < 2000 or > 9999 ? new ValidationError("year", $"`year` must be 2000–9999; it was {year}.")
        : null;

    private static ValidationError? Money(string field, MoneyInput money) =>
        money.Amount < 0 ? new ValidationError(field, $"`{field}.amount` must be zero or more.")
        : !Currencies.IsWellFormed(money.Currency) ? new ValidationError(field, $"`{field}.currency` must be an ISO-4217 code such as EUR; it was \"{money.Currency}\".")
        : null;

    private static ValidationError? Channel(string channel) =>
        channel.Length is 0 or > LeadChannels.MaxLength || !ChannelCode.IsMatch(channel)
            ? new ValidationError("channel", $"`channel` must be a channel code of upper-case letters, digits and underscores (at most {LeadChannels.MaxLength}), e.g. {LeadChannels.Website}.")
            : null;
}
