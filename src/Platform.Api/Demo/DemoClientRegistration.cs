using Microsoft.EntityFrameworkCore;
using Platform.Api.Security;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Demo;

/// <summary>Registers the demo OAuth clients (<see cref="DemoClients"/>, with their public secrets) through <see cref="ClientRegistry"/>.</summary>
internal static class DemoClientRegistration
{
    /// <summary>
    /// Creates the demo clients that do not exist yet and returns their ids: the machine clients, a partner client per
    /// partner with an <c>ApiClientId</c>, and the staff tools client.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AddMissingAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var clients = DemoClients.Machines.Select(c => (c.Id, c.Kind, c.Name, PartnerId: (long?)null)).ToList();
        var partners = await db.Partners.Where(p => p.ApiClientId != null).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.ApiClientId }).ToListAsync(ct);
        clients.AddRange(partners.Select(p => (p.ApiClientId!, ClientKinds.Partner, p.Name, (long?)p.Id)));

        var added = new List<string>();
        foreach (var (id, kind, name, partnerId) in clients)
        {
            if (await registry.ExistsAsync(id, ct))
                continue;
            // The demo integration is granted every admin scope so the demo can run every mutation; a token asking for
            // `crm:read crm:write` shows what a plain integration gets.
            await registry.AddAsync(id, kind, name, partnerId, DemoClients.SecretOf(id), grantedScopes: ClientKinds.GrantableScopesOf[kind], ct: ct);
            added.Add(id);
        }
        if (!await registry.ExistsAsync(DemoClients.StaffTools, ct))
        {
            await registry.AddStaffToolAsync(DemoClients.StaffTools, DemoClients.StaffToolsName, DemoClients.StaffToolsRedirectUri,
                DemoClients.StaffToolsPostLogoutUri, ct);
            added.Add(DemoClients.StaffTools);
        }
        return added;
    }
}
