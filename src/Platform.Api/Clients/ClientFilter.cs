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
        if (Region is not null)
            clients = clients.Where(x => x.Region == Region);
        if (Industry is not null)
            clients = clients.Where(x => x.Industry == Industry);
        if (GlobalIds.DecodeOptional<StaffUser>(OwnerId, "filter.ownerId") is { } ownerId)
            clients = clients.Where(x => x.OwnerId == ownerId);
        if (!string.IsNullOrEmpty(NameStartsWith))
            clients = clients.Where(x => x.Name.StartsWith(NameStartsWith));
        return clients;
    }
}
