using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Api.Leads;
using Platform.Data;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Mutations;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Referrals;

/// <summary>Input of <c>distributeLeadsToPartners</c>.</summary>
public sealed class DistributeLeadsInput
{
    public List<string> LeadIds { get; set; } = [];
}

/// <summary>What <c>distributeLeadsToPartners</c> returns.</summary>
public sealed record DistributeLeadsPayload(IReadOnlyList<Lead> Distributed, IReadOnlyList<string> Unmatched, IReadOnlyList<IPayloadError> Errors);

/// <summary>
/// R12: leads are distributed among the dealers by region — each lead goes to the active dealer whose regions
/// include the lead's region (the first by name when several do); the dealer's token then sees it.
/// </summary>
public sealed class LeadDistribution(PlatformDbContext db, TimeProvider time)
{
    public async Task<DistributeLeadsPayload> DistributeAsync(IReadOnlyList<long> leadIds, CancellationToken ct)
    {
        if (leadIds.Count is 0 or > PageRequest.MaxPageSize)
            return new([], [], [new ValidationError("leadIds", $"Give 1 to {PageRequest.MaxPageSize} leads.")]);
        var dealers = await db.Partners.AsNoTracking().Where(p => p.Type == PartnerType.Dealer && p.IsActive && p.Regions != null)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
        var leads = await db.Leads.Where(l => leadIds.Contains(l.Id)).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var distributed = new List<Lead>();
        foreach (var lead in leads)
        {
            var dealer = dealers.FirstOrDefault(d => lead.Region is { } region
                && d.Regions!.Split(',', StringSplitOptions.TrimEntries).Contains(region.Trim(), StringComparer.OrdinalIgnoreCase));
            if (dealer is null)
                continue;
            lead.AssignedPartnerId = dealer.Id;
            lead.AssignedToPartnerAt = now;
            distributed.Add(lead);
        }
        await db.SaveChangesAsync(ct);
        var unmatched = leadIds.Except(distributed.Select(l => l.Id)).Select(id => GlobalId.Encode(nameof(Lead), id)).ToList();
        return new(distributed, unmatched, []);
    }
}

/// <summary>The <c>DistributeLeadsInput</c> type.</summary>
public sealed class DistributeLeadsInputType : InputObjectGraphType<DistributeLeadsInput>
{
    public DistributeLeadsInputType()
    {
        Name = "DistributeLeadsInput";
        Description = "Leads to distribute among the dealers by their region.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("leadIds").Description("The leads (global IDs, at most 100).");
    }
}

/// <summary>The <c>DistributeLeadsPayload</c> type.</summary>
public sealed class DistributeLeadsPayloadType : ObjectGraphType<DistributeLeadsPayload>
{
    public DistributeLeadsPayloadType()
    {
        Name = "DistributeLeadsPayload";
        Description = "The result of `distributeLeadsToPartners`.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadType>>>>("distributed").Description("Leads given to the dealer of their region.").Resolve(c => c.Source.Distributed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("unmatched").Description("Leads not found or with no active dealer covering their region; unchanged.").Resolve(c => c.Source.Unmatched);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }

    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<DistributeLeadsPayloadType>>("distributeLeadsToPartners")
            .Description("Distributes leads among the dealers by region: each goes to the active dealer covering its region, whose partner token then sees it in `leads`.")
            .Argument<NonNullGraphType<DistributeLeadsInputType>>("input", "The leads.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<DistributeLeadsInput>("input");
                var ids = input.LeadIds.Select((id, i) => GlobalIds.Decode<Lead>(id, $"input.leadIds[{i}]")).ToList();
                return await context.RequestServices!.GetRequiredService<LeadDistribution>().DistributeAsync(ids, context.CancellationToken);
            });
}
