using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Staff;

namespace Platform.Api.Deals;

/// <summary>Conditions on deals; all given conditions must hold.</summary>
public sealed class DealFilter
{
    public string? ClientId { get; set; }
    public string? OwnerId { get; set; }
    public string? PipelineId { get; set; }
    public List<string>? StageCode { get; set; }
    public DealState? State { get; set; }
    public List<DealKind>? Kind { get; set; }
    public DateTime? CreatedAfter { get; set; }
    public DateTime? CreatedBefore { get; set; }

    public IQueryable<Deal> Apply(IQueryable<Deal> deals)
    {
        if (GlobalIds.DecodeOptional<Client>(ClientId, "filter.clientId") is { } clientId)
            deals = deals.Where(x => x.ClientId == clientId);
        if (GlobalIds.DecodeOptional<StaffUser>(OwnerId, "filter.ownerId") is { } ownerId)
            deals = deals.Where(x => x.OwnerId == ownerId);
        if (GlobalIds.DecodeOptional<Pipeline>(PipelineId, "filter.pipelineId") is { } pipelineId)
            deals = deals.Where(x => x.PipelineId == pipelineId);
        if (TextInputs.Argument(StageCode, "filter.stageCode") is { Count: > 0 } stageCodes)
            deals = deals.Where(x => stageCodes.Contains(x.Stage.Code));
        deals = State switch
        {
            DealState.Open => deals.Where(x => !x.Stage.IsWon && !x.Stage.IsLost),
            DealState.Won => deals.Where(x => x.Stage.IsWon),
            DealState.Lost => deals.Where(x => x.Stage.IsLost),
            _ => deals,
        };
        if (Kind is { Count: > 0 })
            deals = deals.Where(x => Kind.Contains(x.Kind));
        if (CreatedAfter is { } after)
            deals = deals.Where(x => x.CreatedAt >= after);
        if (CreatedBefore is { } before)
            deals = deals.Where(x => x.CreatedAt < before);
        return deals;
    }
}

/// <summary>Whether a deal is still open, won or lost, from its stage.</summary>
public enum DealState
{
    /// <summary>In a stage that is neither won nor lost.</summary>
    Open,
    /// <summary>In a won stage: its order is paid.</summary>
    Won,
    /// <summary>In a lost stage.</summary>
    Lost,
}
