using System.Linq.Expressions;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Orders;
using Platform.Domain.Referrals;

namespace Platform.Api.Kpis;

/// <summary>The seven stages of Jantsch's marketing hourglass, in order.</summary>
public enum HourglassStage
{
    /// <summary>Знакомство: people who noticed us — anonymous interests not (yet) linked to a lead, plus every new lead.</summary>
    Know,

    /// <summary>Интерес: people who gave their contact data — new leads (form, callback request, subscription).</summary>
    Like,

    /// <summary>Доверие: leads qualified after consultations — need, ability to pay and authority confirmed.</summary>
    Trust,

    /// <summary>Проба: deals whose commercial proposal was sent — the offer the client weighs.</summary>
    Try,

    /// <summary>Продажа: clients paying their first order.</summary>
    Buy,

    /// <summary>Повторные продажи: clients paying another order after an earlier paid one.</summary>
    Repeat,

    /// <summary>Сарафанное радио: leads referred by a client or partner (referrals attributed, not rejected).</summary>
    Refer,
}

/// <summary>
/// The hourglass KPI. The mapping of the data to the
/// stages, each counted in the bucket of its own timestamp:
/// <list type="table">
/// <item><term>KNOW</term><description><c>Interest</c> with no lead (<c>OccurredAt</c>) + the LIKE count: every lead was known first; an interest
/// that became a lead counts as that lead, once.</description></item>
/// <item><term>LIKE</term><description><c>Lead</c> created (<c>CreatedAt</c>).</description></item>
/// <item><term>TRUST</term><description><c>Lead</c> qualified (<c>QualifiedAt</c>).</description></item>
/// <item><term>TRY</term><description><c>Deal</c>s whose commercial proposal was sent, as <see cref="ProposalKpis"/> defines it: <c>ProposalSentAt</c>, else the first entry into a <c>PROPOSAL_SENT</c> stage.</description></item>
/// <item><term>BUY</term><description>distinct clients whose first paid <c>Order</c> was paid (<c>PaidAt</c>; status PAID, as revenue).</description></item>
/// <item><term>REPEAT</term><description>distinct clients paying an <c>Order</c> with an earlier paid order of theirs (<c>PaidAt</c>).</description></item>
/// <item><term>REFER</term><description><c>Referral</c>s attributed (<c>AttributedAt</c>), rejected ones left out.</description></item>
/// </list>
/// The stages are flows in the period, not one cohort followed through, so a later stage may exceed an earlier one
/// (the seed: the Refer count may exceed Know). Seven grouped queries, one per stage but KNOW (which reuses LIKE's) plus the anonymous interests.
/// </summary>
public sealed class HourglassKpis(PlatformDbContext db)
{
    private sealed record Count(int Bucket, int Value);

    /// <summary>Counts per bucket and stage, the conversion from the stage before (count / previous × 100) and the drop-off (previous − count).</summary>
    public async Task<IReadOnlyList<HourglassRow>> HourglassAsync(KpiRange range, CancellationToken ct)
    {
        var (start, end) = (range.From, range.To);
        var bucket = KpiBuckets.Ordinal(range.Bucket);

        var anonymous = await Grouped(db.Interests.AsNoTracking().Where(i => i.LeadId == null && i.OccurredAt >= start && i.OccurredAt < end), i => i.OccurredAt, bucket, ct);
        var leads = await Grouped(db.Leads.AsNoTracking().Where(l => l.CreatedAt >= start && l.CreatedAt < end), l => l.CreatedAt, bucket, ct);
        var qualified = await Grouped(db.Leads.AsNoTracking().Where(l => l.QualifiedAt >= start && l.QualifiedAt < end), l => l.QualifiedAt!.Value, bucket, ct);
        var proposals = await Grouped(ProposalKpis.Entries(db).Where(e => e.Sent >= start && e.Sent < end), e => e.Sent!.Value, bucket, ct);
        var paid = db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Paid);
        var firstPaid = await Distinct(paid
            .Where(o => o.PaidAt >= start && o.PaidAt < end && !db.Orders.Any(p => p.ClientId == o.ClientId && p.Status == OrderStatus.Paid && p.PaidAt < o.PaidAt))
            .Select(o => new Keyed { At = o.PaidAt!.Value, Key = o.ClientId }), bucket, ct);
        var repeat = await Distinct(paid
            .Where(o => o.PaidAt >= start && o.PaidAt < end && db.Orders.Any(p => p.ClientId == o.ClientId && p.Status == OrderStatus.Paid && p.PaidAt < o.PaidAt))
            .Select(o => new Keyed { At = o.PaidAt!.Value, Key = o.ClientId }), bucket, ct);
        var referred = await Grouped(db.Referrals.AsNoTracking().Where(r => r.Status != ReferralStatus.Rejected && r.AttributedAt >= start && r.AttributedAt < end), r => r.AttributedAt, bucket, ct);

        var stages = new Dictionary<HourglassStage, Dictionary<int, int>>
        {
            [HourglassStage.Know] = anonymous.Keys.Union(leads.Keys).ToDictionary(b => b, b => anonymous.GetValueOrDefault(b) + leads.GetValueOrDefault(b)),
            [HourglassStage.Like] = leads,
            [HourglassStage.Trust] = qualified,
            [HourglassStage.Try] = proposals,
            [HourglassStage.Buy] = firstPaid,
            [HourglassStage.Repeat] = repeat,
            [HourglassStage.Refer] = referred,
        };
        return stages.Values.SelectMany(s => s.Keys).Distinct().Order()
            .SelectMany(b =>
            {
                int? previous = null;
                return Enum.GetValues<HourglassStage>().Select(stage =>
                {
                    var count = stages[stage].GetValueOrDefault(b);
                    var row = new HourglassRow(KpiBuckets.Start(range.Bucket, b), stage, count,
                        previous is { } p ? Durations.Percent(count, p) : null, previous - count);
                    previous = count;
                    return row;
                }).ToList();
            })
            .ToList();
    }

    /// <summary>A timestamp with the id to count distinct (a deal or a client).</summary>
    private sealed class Keyed
    {
        public DateTime At { get; init; }
        public long Key { get; init; }
    }

    private sealed class BucketKey
    {
        public int Bucket { get; init; }
        public long Key { get; init; }
    }

    private static async Task<Dictionary<int, int>> Grouped<T>(IQueryable<T> source, Expression<Func<T, DateTime>> at, Expression<Func<DateTime, int>> bucket, CancellationToken ct) =>
        (await source.Select(at.Then(bucket)).GroupBy(b => b).Select(g => new Count(g.Key, g.Count())).ToListAsync(ct))
        .ToDictionary(c => c.Bucket, c => c.Value);

    private static async Task<Dictionary<int, int>> Distinct(IQueryable<Keyed> source, Expression<Func<DateTime, int>> bucket, CancellationToken ct)
    {
        Expression<Func<Keyed, DateTime>> at = k => k.At;
        var bucketOf = at.Then(bucket);
        var shape = Expression.Lambda<Func<Keyed, BucketKey>>(
            Expression.MemberInit(Expression.New(typeof(BucketKey)),
                Expression.Bind(typeof(BucketKey).GetProperty(nameof(BucketKey.Bucket))!, bucketOf.Body),
                Expression.Bind(typeof(BucketKey).GetProperty(nameof(BucketKey.Key))!, Expression.Property(bucketOf.Parameters[0], nameof(Keyed.Key)))),
            bucketOf.Parameters[0]);
        return (await source.Select(shape).GroupBy(k => k.Bucket).Select(g => new Count(g.Key, g.Select(k => k.Key).Distinct().Count())).ToListAsync(ct))
            .ToDictionary(c => c.Bucket, c => c.Value);
    }
}

/// <summary>One hourglass stage in one bucket: its count and the loss from the stage before.</summary>
public sealed record HourglassRow(DateTime BucketStart, HourglassStage Stage, int Count, double? ConversionFromPrevious, int? DropOff);

/// <summary>The <c>HourglassKpiRow</c> type.</summary>
public sealed class HourglassRowType : ObjectGraphType<HourglassRow>
{
    public HourglassRowType()
    {
        Name = "HourglassKpiRow";
        Description = "One stage of the marketing hourglass Know → Like → Trust → Try → Buy → Repeat → Refer in one bucket; seven rows per bucket with data, in stage order. Each stage is counted in the bucket of its own event (see the stage descriptions), so a later stage may exceed an earlier one.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Stage).Description("The hourglass stage.");
        Field(x => x.Count).Description("How many reached the stage in the bucket (what is counted depends on the stage).");
        Field(x => x.ConversionFromPrevious, nullable: true).Description("Count / count of the stage before × 100; null for KNOW or when the stage before counted 0.");
        Field(x => x.DropOff, nullable: true).Description("Count of the stage before − count (negative when this stage counted more); null for KNOW.");
    }
}
