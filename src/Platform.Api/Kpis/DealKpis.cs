using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Deals;
using Platform.Domain.Leads;

namespace Platform.Api.Kpis;

/// <summary>
/// Pipeline outcome KPIs over deals closed in the range, in the bucket of <c>ClosedAt</c>, grouped in the database. Lead
/// dimensions are those of the deal's lead; the manager is the deal's owner.
/// </summary>
public sealed class DealKpis(PlatformDbContext db)
{
    /// <summary>A deal with the lead it came from, if any: what the deal KPIs (and the pipeline KPI) group by.</summary>
    internal sealed class Source
    {
        public Deal Deal { get; init; } = null!;
        public Lead? Lead { get; init; }
    }

    /// <summary>A closed deal and whether it was won.</summary>
    private sealed class Closed
    {
        public Source Source { get; init; } = null!;
        public bool Won { get; init; }
    }

    private sealed class Fact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public string Currency { get; init; } = "";
        public bool Won { get; init; }
        public long Amount { get; init; }
    }

    private sealed record Count(int Bucket, string? Dimension, string Currency, int Won, int Lost, long WonAmount);

    /// <summary>
    /// Win rate = won / (won + lost) × 100; average deal size = Σ amount of won deals / won deals. With
    /// <paramref name="pipelineId"/>, only that pipeline's deals (the pipeline KPI reuses this); without, all pipelines.
    /// </summary>
    public async Task<IReadOnlyList<DealRow>> OutcomesAsync(KpiRange range, CancellationToken ct, long? pipelineId = null)
    {
        var deals = db.Deals.AsNoTracking();
        if (pipelineId is { } pid)
            deals = deals.Where(d => d.PipelineId == pid);
        // The stage is joined explicitly: through the navigation EF Core re-joins it per group (three correlated subqueries).
        var closed =
            from d in deals
            join st in db.PipelineStages on d.StageId equals st.Id
            where d.ClosedAt >= range.From && d.ClosedAt < range.To && (st.IsWon || st.IsLost)
            join l in db.Leads on d.LeadId equals (long?)l.Id into lead
            from l in lead.DefaultIfEmpty()
            select new Closed { Source = new Source { Deal = d, Lead = l }, Won = st.IsWon };
        Expression<Func<Closed, DateTime>> closedAt = c => c.Source.Deal.ClosedAt!.Value;
        Expression<Func<Closed, Source>> source = c => c.Source;
        var counts = await closed
            .Select(KpiProjection.Of<Closed, Fact>(
                (c, bucket, dimension) => new Fact { Bucket = bucket, Dimension = dimension, Currency = c.Source.Deal.Currency, Won = c.Won, Amount = c.Source.Deal.AmountMinor },
                closedAt.Then(KpiBuckets.Ordinal(range.Bucket)), source.Then(Dimension(range.GroupBy))))
            .GroupBy(f => new { f.Bucket, f.Dimension, f.Currency })
            .Select(g => new Count(g.Key.Bucket, g.Key.Dimension, g.Key.Currency, g.Count(f => f.Won), g.Count(f => !f.Won), g.Sum(f => f.Won ? f.Amount : 0)))
            .ToListAsync(ct);
        return counts
            .OrderBy(c => c.Bucket).ThenBy(c => c.Dimension, StringComparer.Ordinal).ThenBy(c => c.Currency, StringComparer.Ordinal)
            .Select(c => new DealRow(KpiBuckets.Start(range.Bucket, c.Bucket), KpiDimensions.Display(range.GroupBy, c.Dimension), c.Currency,
                c.Won, c.Lost, Durations.Percent(c.Won, c.Won + c.Lost), c.WonAmount,
                c.Won == 0 ? null : (long)Math.Round((decimal)c.WonAmount / c.Won, MidpointRounding.ToEven)))
            .ToList();
    }

    /// <summary>The dimension of a deal: MANAGER is the deal's owner; the others are those of the deal's lead.</summary>
    internal static Expression<Func<Source, string?>> Dimension(KpiDimension? dimension)
    {
        if (dimension == KpiDimension.Manager)
            return s => s.Deal.OwnerId == null ? null : ((long)s.Deal.OwnerId).ToString();
        Expression<Func<Source, Lead>> lead = s => s.Lead!;
        return lead.Then(KpiDimensions.OfLead(dimension));
    }
}
