using GraphQL;
using GraphQL.DataLoader;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>The <c>ReferralProgram</c> object type.</summary>
public sealed class ReferralProgramType : EntityType<ReferralProgram>
{
    public ReferralProgramType() : base("A referral program: what a referrer earns when a referred lead becomes a paying client, within which attribution window, after which holding period, up to which cap.")
    {
        Field(x => x.Name);
        Field(x => x.Description, nullable: true);
        Field(x => x.RewardType);
        Field(x => x.RewardValue);
        Field(x => x.Currency);
        Field(x => x.AttributionWindowDays);
        Field(x => x.HoldingPeriodDays);
        Field<MoneyType>("capPerReferral").Description("Largest reward per referral; null = no cap.").Reads(x => new { x.CapPerReferralMinor, x.Currency }).Resolve(c => c.Source.CapPerReferral);
        Field(x => x.ActiveFrom);
        Field(x => x.ActiveTo, nullable: true);
        Field(x => x.IsActive);
        Field(x => x.OpenToAllPartners);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnerGraphType>>>>("eligiblePartners")
            .Description("The partners eligible for a program not open to all partners; a partner's token sees only itself.")
            .Reads(x => x.Id)
            .Resolve(c =>
            {
                var db = c.Db();
                return c.Loaders().GetOrAdd<long, IReadOnlyList<Partner>>("ReferralProgram.eligiblePartners", async (ids, ct) =>
                    {
                        var rows = await db.ReferralProgramPartners.Where(e => ids.Contains(e.ProgramId))
                            .Join(db.Partners, e => e.PartnerId, p => p.Id, (e, p) => new { e.ProgramId, Partner = p })
                            .AsNoTracking().ToListAsync(ct);
                        return rows.GroupBy(r => r.ProgramId).ToDictionary(g => g.Key, g => (IReadOnlyList<Partner>)g.Select(r => r.Partner).OrderBy(p => p.Name).ToList());
                    })
                    .Load(c.Source.Id).Then(partners => partners ?? []);
            });
    }
}
