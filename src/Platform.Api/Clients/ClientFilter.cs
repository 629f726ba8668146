using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Staff;

namespace Platform.Api.Clients;

/// <summary>Conditions on clients; all given conditions must hold, a list matches any of its values.</summary>
public sealed class ClientFilter
{
    public List<ClientKind>? Kind { get; set; }
    public List<LoyaltyCategory>? LoyaltyCategory { get; set; }
    public List<ClientSegment>? Segment { get; set; }
    public string? Region { get; set; }
    public string? Industry { get; set; }
    public string? OwnerId { get; set; }
    public string? NameStartsWith { get; set; }

    public IQueryable<Client> Apply(IQueryable<Client> clients)
    {
        if (Kind is { Count: > 0 })
            clients = clients.Where(x => Kind.Contains(x.Kind));
        if (LoyaltyCategory is { Count: > 0 })
            clients = clients.Where(x => LoyaltyCategory.Contains(x.LoyaltyCategory));
        if (Segment is { Count: > 0 })
            clients = clients.Where(x => x.Segment != null && Segment.Contains(x.Segment.Value));
        if (TextInputs.Argument(Region, "filter.region") is { } region)
            clients = clients.Where(x => x.Region == region);
        if (TextInputs.Argument(Industry, "filter.industry") is { } industry)
            clients = clients.Where(x => x.Industry == industry);
        if (GlobalIds.DecodeOptional<StaffUser>(OwnerId, "filter.ownerId") is { } ownerId)
            clients = clients.Where(x => x.OwnerId == ownerId);
        if (TextInputs.Argument(NameStartsWith, "filter.nameStartsWith") is { Length: > 0 } prefix)
            clients = clients.Where(x => x.Name.StartsWith(prefix));
        return clients;
    }
}
