using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Mutations;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Kpis;

/// <summary>Input of <c>setSalesPlan</c>.</summary>
public sealed class SetSalesPlanInput
{
    public string? OwnerId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public MoneyInput Target { get; set; } = new();
}

/// <summary>Input of <c>setMarketingPlan</c>.</summary>
public sealed class SetMarketingPlanInput
{
    public int Year { get; set; }
    public int Quarter { get; set; }
    public string Channel { get; set; } = "";
    public int TargetLeads { get; set; }
    public MoneyInput MaxCostPerLead { get; set; } = new();
}

/// <summary>Input of <c>recordMarketingSpend</c>.</summary>
public sealed class RecordMarketingSpendInput
{
    public string Channel { get; set; } = "";
    public string? LandingPage { get; set; }
    public DateTime PeriodStart { get; set; }
    public DateTime PeriodEnd { get; set; }
    public MoneyInput Amount { get; set; } = new();
    public long? Impressions { get; set; }
    public long? Clicks { get; set; }
}

/// <summary>What a plan or spend mutation returns: the record as it is now, or why nothing changed.</summary>
public sealed record PlanPayload<T>(T? Result, IReadOnlyList<IPayloadError> Errors) where T : class
{
    public static PlanPayload<T> Ok(T result) => new(result, []);

    public static PlanPayload<T> Failed(IPayloadError error) => new(null, [error]);
}

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
            ?? db.TooLong<MarketingSpend>(nameof(MarketingSpend.LandingPage), "landingPage", landingPage);
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

/// <summary>The plan and spend mutations of the root mutation type (who may call them: FieldAccess).</summary>
public static class PlanMutations
{
    public static void AddPlanMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SalesPlanPayloadType>>("setSalesPlan")
            .Description("Sets the quarterly sales plan of a manager or, without `ownerId`, of the team; replaces the plan of that owner and quarter if there is one. `salesPlanKpi` reports its fulfilment.")
            .Argument<NonNullGraphType<SetSalesPlanInputType>>("input", "The owner, quarter and target.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<SetSalesPlanInput>("input");
                return await Plans(context).SetSalesPlanAsync(input, GlobalIds.DecodeOptional<StaffUser>(input.OwnerId, "input.ownerId"), context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<MarketingPlanPayloadType>>("setMarketingPlan")
            .Description("Sets a channel's quarterly marketing plan: target leads and acceptable cost per lead; replaces the plan of that channel and quarter if there is one. `marketingKpi` reports against it.")
            .Argument<NonNullGraphType<SetMarketingPlanInputType>>("input", "The quarter, channel and targets.")
            .ResolveAsync(async context => await Plans(context).SetMarketingPlanAsync(context.GetArgument<SetMarketingPlanInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<MarketingSpendPayloadType>>("recordMarketingSpend")
            .Description("Records money spent on a channel over a period; `marketingKpi` counts it in the quarter its period starts in (cost per lead, ROI).")
            .Argument<NonNullGraphType<RecordMarketingSpendInputType>>("input", "The channel, period and amount.")
            .ResolveAsync(async context => await Plans(context).RecordSpendAsync(context.GetArgument<RecordMarketingSpendInput>("input"), context.CancellationToken));
    }

    private static PlanService Plans(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<PlanService>();
}

/// <summary>The <c>SetSalesPlanInput</c> type.</summary>
public sealed class SetSalesPlanInputType : InputObjectGraphType<SetSalesPlanInput>
{
    public SetSalesPlanInputType()
    {
        Name = "SetSalesPlanInput";
        Description = "A quarterly sales plan of a manager or of the team.";
        Field(x => x.OwnerId, type: typeof(IdGraphType)).Description("The manager (a StaffUser ID) the plan is for; omitted or null, the team plan.");
        Field(x => x.Year).Description("The calendar year, 2000–9999.");
        Field(x => x.Quarter).Description("The quarter, 1–4.");
        Field<NonNullGraphType<MoneyInputType>>("target").Description("The paid-revenue target of the quarter: zero or more, with its currency.");
    }
}

/// <summary>The <c>SetMarketingPlanInput</c> type.</summary>
public sealed class SetMarketingPlanInputType : InputObjectGraphType<SetMarketingPlanInput>
{
    public SetMarketingPlanInputType()
    {
        Name = "SetMarketingPlanInput";
        Description = "A channel's quarterly marketing plan.";
        Field(x => x.Year).Description("The calendar year, 2000–9999.");
        Field(x => x.Quarter).Description("The quarter, 1–4.");
        Field(x => x.Channel).Description("The channel code, e.g. WEBSITE: upper-case letters, digits and underscores.");
        Field(x => x.TargetLeads).Description("Target number of leads, zero or more.");
        Field<NonNullGraphType<MoneyInputType>>("maxCostPerLead").Description("The acceptable cost per lead: zero or more, with its currency (the currency `marketingKpi` compares in).");
    }
}

/// <summary>The <c>RecordMarketingSpendInput</c> type.</summary>
public sealed class RecordMarketingSpendInputType : InputObjectGraphType<RecordMarketingSpendInput>
{
    public RecordMarketingSpendInputType()
    {
        Name = "RecordMarketingSpendInput";
        Description = "Money spent on a channel (and optionally a landing page) over a period.";
        Field(x => x.Channel).Description("The channel code, e.g. WEBSITE: upper-case letters, digits and underscores.");
        Field(x => x.LandingPage, nullable: true).Description("The landing page code, if the spend drove one page.");
        Field(x => x.PeriodStart).Description("Start of the period, inclusive (UTC); the spend counts in the quarter this falls in.");
        Field(x => x.PeriodEnd).Description("End of the period, exclusive (UTC); later than the start.");
        Field<NonNullGraphType<MoneyInputType>>("amount").Description("The amount spent: zero or more, with its currency.");
        Field(x => x.Impressions, nullable: true).Description("Reach: how many people were shown the ad, if known; zero or more.");
        Field(x => x.Clicks, nullable: true).Description("Clicks to the site or landing page, if known; zero or more.");
    }
}

/// <summary>The <c>SalesPlan</c> type.</summary>
public sealed class SalesPlanType : ObjectGraphType<SalesPlan>
{
    public SalesPlanType()
    {
        Name = "SalesPlan";
        Description = "A quarterly sales target of one manager or of the team.";
        Field<IdGraphType>("ownerId").Description("The manager (a StaffUser global ID); null for the team plan.")
            .Resolve(c => c.Source.OwnerId is { } id ? GlobalId.Encode("StaffUser", id) : null);
        Field(x => x.Year).Description("The calendar year.");
        Field(x => x.Quarter).Description("The quarter, 1–4.");
        Field<NonNullGraphType<MoneyType>>("target").Description("The paid-revenue target.").Resolve(c => c.Source.TargetAmount);
        Field(x => x.Version).Description("The record's version, 1 when created and incremented by every change.");
    }
}

/// <summary>The <c>MarketingPlan</c> type.</summary>
public sealed class MarketingPlanType : ObjectGraphType<MarketingPlan>
{
    public MarketingPlanType()
    {
        Name = "MarketingPlan";
        Description = "A channel's quarterly marketing plan: target leads and acceptable cost per lead.";
        Field(x => x.Year).Description("The calendar year.");
        Field(x => x.Quarter).Description("The quarter, 1–4.");
        Field(x => x.Channel).Description("The channel code.");
        Field(x => x.TargetLeads).Description("Target number of leads.");
        Field<NonNullGraphType<MoneyType>>("maxCostPerLead").Description("The acceptable cost per lead.").Resolve(c => c.Source.MaxCostPerLead);
        Field(x => x.Version).Description("The record's version, 1 when created and incremented by every change.");
    }
}

/// <summary>The <c>MarketingSpend</c> type.</summary>
public sealed class MarketingSpendType : ObjectGraphType<MarketingSpend>
{
    public MarketingSpendType()
    {
        Name = "MarketingSpend";
        Description = "Money spent on a channel over a period: the basis of cost per lead and ROI.";
        Field(x => x.Channel).Description("The channel code.");
        Field(x => x.LandingPage, nullable: true).Description("The landing page code, if the spend drove one page.");
        Field(x => x.PeriodStart).Description("Start of the period, inclusive (UTC).");
        Field(x => x.PeriodEnd).Description("End of the period, exclusive (UTC).");
        Field<NonNullGraphType<MoneyType>>("amount").Description("The amount spent.").Resolve(c => c.Source.Amount);
        Field(x => x.Impressions, nullable: true).Description("Reach, if known.");
        Field(x => x.Clicks, nullable: true).Description("Clicks, if known.");
    }
}

/// <summary>The <c>SalesPlanPayload</c> type.</summary>
public sealed class SalesPlanPayloadType : ObjectGraphType<PlanPayload<SalesPlan>>
{
    public SalesPlanPayloadType()
    {
        Name = "SalesPlanPayload";
        Description = "The result of `setSalesPlan`: the plan, or the errors that prevented the change (then nothing was changed).";
        Field<SalesPlanType>("salesPlan").Description("The plan after the change; null when there are errors.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>MarketingPlanPayload</c> type.</summary>
public sealed class MarketingPlanPayloadType : ObjectGraphType<PlanPayload<MarketingPlan>>
{
    public MarketingPlanPayloadType()
    {
        Name = "MarketingPlanPayload";
        Description = "The result of `setMarketingPlan`: the plan, or the errors that prevented the change (then nothing was changed).";
        Field<MarketingPlanType>("marketingPlan").Description("The plan after the change; null when there are errors.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>MarketingSpendPayload</c> type.</summary>
public sealed class MarketingSpendPayloadType : ObjectGraphType<PlanPayload<MarketingSpend>>
{
    public MarketingSpendPayloadType()
    {
        Name = "MarketingSpendPayload";
        Description = "The result of `recordMarketingSpend`: the recorded spend, or the errors that prevented it (then nothing was recorded).";
        Field<MarketingSpendType>("marketingSpend").Description("The recorded spend; null when there are errors.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>PlanError</c> union.</summary>
public sealed class PlanErrorType : UnionGraphType
{
    public PlanErrorType()
    {
        Name = "PlanError";
        Description = "An expected failure of a plan or spend mutation; nothing was changed.";
        Type<NotFoundErrorType>();
        Type<ValidationErrorType>();
    }
}
