using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Api.Security;

/// <summary>
/// Machine clients for the demo data, one per kind plus one per demo partner, with fixed secrets, and the public client
/// of staff tools (no secret) that are
/// <b>for demos and tests only</b> (they are in the source code): never seed them into a real database.
/// </summary>
public static class DemoClients
{
    public const string Landing = "demo-landing";
    public const string Bi = "demo-bi";
    public const string Integration = "demo-integration";

    /// <summary>The public client staff sign in through (authorization code + PKCE), e.g. from GraphiQL or curl.</summary>
    public const string StaffTools = "demo-staff-tools";

    /// <summary>Where <see cref="StaffTools"/> receives its authorization codes (the local API's address).</summary>
    public static readonly Uri StaffToolsRedirectUri = new("http://localhost:5080/oauth/callback");

    /// <summary>Where <see cref="StaffTools"/> returns after logout.</summary>
    public static readonly Uri StaffToolsPostLogoutUri = new("http://localhost:5080/");

    /// <summary>The demo secret of a demo client: its id plus <c>-demo-secret</c>.</summary>
    public static string SecretOf(string clientId) => clientId + "-demo-secret";

    /// <summary>Creates the demo clients that do not exist yet; partner clients use the partners' <c>ApiClientId</c>.</summary>
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        List<(string Id, string Kind, string Name, long? PartnerId)> clients =
        [
            (Landing, ClientKinds.Landing, "Demo landing page", null),
            (Bi, ClientKinds.Bi, "Demo BI tool", null),
            (Integration, ClientKinds.Integration, "Demo integration", null),
        ];
        var partners = await db.Partners.Where(p => p.ApiClientId != null).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.ApiClientId }).ToListAsync(ct);
        clients.AddRange(partners.Select(p => (p.ApiClientId!, ClientKinds.Partner, p.Name, (long?)p.Id)));

        // The demo integration is granted every admin scope so the demo can run every mutation; a token asking for
        // `crm:read crm:write` shows what a plain integration gets.
        foreach (var (id, kind, name, partnerId) in clients)
        {
            if (!await registry.ExistsAsync(id, ct))
                await registry.AddAsync(id, kind, name, partnerId, SecretOf(id), grantedScopes: ClientKinds.GrantableScopesOf[kind], ct: ct);
        }
        if (!await registry.ExistsAsync(StaffTools, ct))
            await registry.AddStaffToolAsync(StaffTools, "Demo staff tools (GraphiQL, curl)", StaffToolsRedirectUri, StaffToolsPostLogoutUri, ct);
    }
}
