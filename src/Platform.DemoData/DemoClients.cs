namespace Platform.DemoData;

/// <summary>
/// OAuth clients for the demo data, one per kind plus one per demo partner (<see cref="DemoClient"/>), with fixed secrets,
/// and the public client of staff tools (no secret). <b>For demos and tests only</b>: the secrets are in the source code.
/// </summary>
public static class DemoClients
{
    public const string Landing = "demo-landing";
    public const string Bi = "demo-bi";
    public const string Integration = "demo-integration";

    /// <summary>The public client staff sign in through (authorization code + PKCE), e.g. from GraphiQL or curl.</summary>
    public const string StaffTools = "demo-staff-tools";

    /// <summary>The staff tools client's display name.</summary>
    public const string StaffToolsName = "Demo staff tools (GraphiQL, curl)";

    /// <summary>Where <see cref="StaffTools"/> receives its authorization codes (the local API's address).</summary>
    public static readonly Uri StaffToolsRedirectUri = new("http://localhost:5080/oauth/callback");

    /// <summary>Where <see cref="StaffTools"/> returns after logout.</summary>
    public static readonly Uri StaffToolsPostLogoutUri = new("http://localhost:5080/");

    /// <summary>
    /// The machine clients that belong to no partner, with the kind each has (the API's client kinds); each demo partner
    /// gets a <c>partner</c> client too, under the partner's <c>ApiClientId</c>.
    /// </summary>
    public static readonly IReadOnlyList<DemoClient> Machines =
    [
        new(Landing, "landing", "Demo landing page"),
        new(Bi, "bi", "Demo BI tool"),
        new(Integration, "integration", "Demo integration"),
    ];

    /// <summary>The demo secret of a demo client: its id plus <c>-demo-secret</c>.</summary>
    public static string SecretOf(string clientId) => clientId + "-demo-secret";
}

/// <summary>A demo machine client: its id, kind and display name.</summary>
public sealed record DemoClient(string Id, string Kind, string Name);
