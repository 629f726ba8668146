using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Referrals;

/// <summary>
/// The referral fields of the root query. A partner's token reaches them too (FieldAccess) and, by
/// partner isolation, sees only its own partner, referrals, rewards and payouts.
/// </summary>
public static class ReferralQueries
{
    private static readonly KeysetOrder<Partner> PartnersByName = KeysetOrder<Partner>.By("NAME", x => x.Name).ThenBy(x => x.Id);
    private static readonly KeysetOrder<ReferralProgram> ProgramsNewestFirst = KeysetOrder<ReferralProgram>.By("ACTIVE_FROM_DESC", x => x.ActiveFrom, descending: true).ThenBy(x => x.Id, descending: true);
    private static readonly KeysetOrder<ReferralCode> CodesByCode = KeysetOrder<ReferralCode>.By("CODE", x => x.Code).ThenBy(x => x.Id);
    private static readonly KeysetOrder<Referral> ReferralsNewestFirst = KeysetOrder<Referral>.By("ATTRIBUTED_AT_DESC", x => x.AttributedAt, descending: true).ThenBy(x => x.Id, descending: true);
    private static readonly KeysetOrder<Reward> RewardsNewestFirst = KeysetOrder<Reward>.By("CREATED_AT_DESC", x => x.CreatedAt, descending: true).ThenBy(x => x.Id, descending: true);
    private static readonly KeysetOrder<Payout> PayoutsNewestFirst = KeysetOrder<Payout>.By("PAID_AT_DESC", x => x.PaidAt, descending: true).ThenBy(x => x.Id, descending: true);

    public static void AddReferralQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ViewerType>>("me")
            .Description("The caller: its API client and, for a partner's systems, its partner.")
            .Resolve(context => ViewerType.Of(context.RequestServices!.GetRequiredService<ICurrentActor>()));
        query.Field<NonNullGraphType<ConnectionGraphType<PartnerGraphType, Partner>>>("partners")
            .Description("Partner organisations by name, paged by cursor.")
            .PagingArguments()
            .ResolveAsync(async context => await KeysetPaging.PageAsync(context.Db().Partners.AsNoTracking(), PageRequest.From(context), PartnersByName, context.CancellationToken, context.SelectedNodes<Partner>(), context.Db()));
        query.Field<NonNullGraphType<ConnectionGraphType<ReferralProgramType, ReferralProgram>>>("referralPrograms")
            .Description("Referral programs, newest first, paged by cursor.")
            .PagingArguments()
            .ResolveAsync(async context => await KeysetPaging.PageAsync(context.Db().ReferralPrograms.AsNoTracking(), PageRequest.From(context), ProgramsNewestFirst, context.CancellationToken, context.SelectedNodes<ReferralProgram>(), context.Db()));
        query.Field<NonNullGraphType<ConnectionGraphType<ReferralCodeType, ReferralCode>>>("referralCodes")
            .Description("Referral codes by code, revoked ones included, paged by cursor; a partner sees only its own.")
            .Argument<IdGraphType>("partnerId", "Only this partner's codes (global ID).")
            .PagingArguments()
            .ResolveAsync(async context =>
            {
                var codes = context.Db().ReferralCodes.AsNoTracking();
                if (GlobalIds.DecodeOptional<Partner>(context.GetArgument<string?>("partnerId"), "partnerId") is { } partnerId)
                    codes = codes.Where(c => c.PartnerId == partnerId);
                return await KeysetPaging.PageAsync(codes, PageRequest.From(context), CodesByCode, context.CancellationToken, context.SelectedNodes<ReferralCode>(), context.Db());
            });
        query.Field<NonNullGraphType<ConnectionGraphType<ReferralType, Referral>>>("referrals")
            .Description("Referrals matching `filter`, newest first, paged by cursor; a partner sees only its own.")
            .Argument<ReferralFilterInputType>("filter", "Conditions the referrals must meet.")
            .PagingArguments()
            .ResolveAsync(async context =>
            {
                var filter = context.GetArgument<ReferralFilter?>("filter") ?? new ReferralFilter();
                return await KeysetPaging.PageAsync(filter.Apply(context.Db().Referrals.AsNoTracking()), PageRequest.From(context), ReferralsNewestFirst, context.CancellationToken, context.SelectedNodes<Referral>(), context.Db());
            });
        query.Field<NonNullGraphType<ConnectionGraphType<RewardGraphType, Reward>>>("rewards")
            .Description("Rewards matching `filter`, newest first, paged by cursor; a partner sees only its own.")
            .Argument<RewardFilterInputType>("filter", "Conditions the rewards must meet.")
            .PagingArguments()
            .ResolveAsync(async context =>
            {
                var db = context.Db();
                var filter = context.GetArgument<RewardFilter?>("filter") ?? new RewardFilter();
                return await KeysetPaging.PageAsync(filter.Apply(db.Rewards.AsNoTracking(), db.Referrals), PageRequest.From(context), RewardsNewestFirst, context.CancellationToken, context.SelectedNodes<Reward>(), context.Db());
            });
        query.Field<NonNullGraphType<ConnectionGraphType<PayoutType, Payout>>>("payouts")
            .Description("Payouts, newest first, paged by cursor; a partner sees only its own.")
            .PagingArguments()
            .ResolveAsync(async context => await KeysetPaging.PageAsync(context.Db().Payouts.AsNoTracking(), PageRequest.From(context), PayoutsNewestFirst, context.CancellationToken, context.SelectedNodes<Payout>(), context.Db()));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralMonthType>>>>("referralSummary")
            .Description("Referral activity by month (UTC), computed by the database: leads referred and converted, rewards earned, approved, paid and voided; a partner sees only its own. Months without activity are left out.")
            .Argument<NonNullGraphType<DateTimeGraphType>>("from", "Start of the period (UTC), inclusive.")
            .Argument<NonNullGraphType<DateTimeGraphType>>("to", "End of the period (UTC), exclusive; at most 5 years after `from`.")
            .ResolveAsync(async context =>
            {
                var (from, to) = (context.GetArgument<DateTime>("from"), context.GetArgument<DateTime>("to"));
                if (to <= from || to > from.AddYears(5))
                    throw new ExecutionError("`to` must be after `from` and at most 5 years later.") { Code = "INVALID_PERIOD" };
                return await ReferralSummary.ByMonthAsync(context.Db(), from, to, context.CancellationToken);
            });
    }
}
