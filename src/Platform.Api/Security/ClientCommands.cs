using Microsoft.EntityFrameworkCore;
using Platform.Api.Deployment;
using Platform.Data;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Security;

/// <summary>
/// The admin command line for machine clients, against the configured database:
/// <c>dotnet run --project src/Platform.Api -- clients add --kind partner --partner 3 [--id ID] [--name NAME]</c>
/// (<c>--scopes referrals:admin,plans:write</c> grants an integration admin scopes) prints the new client's id and secret (shown once, stored hashed);
/// <c>clients add --kind staff-tool --id ID --redirect-uri URI</c> registers a public client staff sign in through (PKCE);
/// <c>clients revoke --id ID</c> deletes a client (its tokens stop working).
/// </summary>
public static class ClientCommands
{
    private const string Usage = """
        usage: clients add --kind landing|partner|bi|integration [--partner PARTNER_ID] [--id CLIENT_ID] [--name NAME] [--trusted-documents-only true]
                           [--scopes referrals:admin,plans:write (integration) | metrics:read (bi)]
               clients add --kind staff-tool --id CLIENT_ID --redirect-uri URI [--post-logout-uri URI] [--name NAME]
               clients revoke --id CLIENT_ID
        """;

    /// <summary>Runs a <c>clients …</c> command and returns its exit code; null when <paramref name="args"/> is another command.</summary>
    public static async Task<int?> TryRunAsync(string[] args, AdminConsole console)
    {
        if (args is not ["clients", ..])
            return null;
        var options = ParseOptions(args.Skip(2).ToArray());
        if (args.Length < 2 || options is null)
            return console.Fail(Usage);

        await using var app = console.Build();
        if (await DatabaseStartup.PrepareForCommandAsync(app, console.Output) is { } behind)
            return console.Fail(behind);
        await using var scope = app.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        switch (args[1])
        {
            case "add" when options.GetValueOrDefault("id") is { } existing && await registry.ExistsAsync(existing):
                return console.Fail($"A client `{existing}` exists already; revoke it first or choose another --id.");
            case "add" when options.GetValueOrDefault("kind") == StaffTool:
                return await AddStaffToolAsync(registry, options, console);
            case "add" when options.TryGetValue("kind", out var kind):
                var partner = options.GetValueOrDefault("partner");
                var partnerId = partner is null ? null : PartnerId(partner);
                if (partner is not null && partnerId is null)
                    return console.Fail($"--partner takes the partner's ID as the API shows it (e.g. from createPartner) or its database id; `{partner}` is neither.");
                if (partnerId is { } pid && !await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Partners.AnyAsync(p => p.Id == pid))
                    return console.Fail($"No partner `{partner}`.");
                var granted = options.GetValueOrDefault("scopes")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
                var clientId = options.GetValueOrDefault("id") ?? $"{kind}-{Guid.NewGuid().ToString("N")[..12]}";
                try
                {
                    var secret = await registry.AddAsync(clientId, kind, options.GetValueOrDefault("name") ?? clientId, partnerId,
                        trustedDocumentsOnly: options.GetValueOrDefault("trusted-documents-only") == "true", grantedScopes: granted);
                    console.Output.WriteLine($"client_id:     {clientId}\nclient_secret: {secret}\nscopes:        {string.Join(" ", ClientKinds.ScopesOf[kind].Union(granted))}\nThe secret is stored hashed and cannot be shown again.");
                    return 0;
                }
                catch (ArgumentException exception)
                {
                    return console.Fail(exception.Message);
                }
            case "revoke" when options.TryGetValue("id", out var revokeId):
                if (!await registry.RevokeAsync(revokeId))
                    return console.Fail($"No client `{revokeId}`.");
                console.Output.WriteLine($"Revoked {revokeId}: it gets no new tokens, and the tokens it has stop working.");
                return 0;
            default:
                return console.Fail(Usage);
        }
    }

    /// <summary>A partner's database id from <c>--partner</c>: the number itself, or the partner's global ID.</summary>
    private static long? PartnerId(string value) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, null, out var id) ? id : GlobalId.TryDecode(value, "Partner");

    /// <summary>The <c>--kind</c> of a public client for staff tools (<see cref="ClientRegistry.AddStaffToolAsync"/>).</summary>
    private const string StaffTool = "staff-tool";

    private static async Task<int> AddStaffToolAsync(ClientRegistry registry, Dictionary<string, string> options, AdminConsole console)
    {
        if (options.GetValueOrDefault("id") is not { } clientId)
            return console.Fail("A staff tool needs --id: the client_id its sign-in requests send.");
        if (RedirectUri(options.GetValueOrDefault("redirect-uri")) is not { } redirect)
            return console.Fail("A staff tool needs --redirect-uri: an absolute https URI (http only on localhost) where its authorization codes go.");
        var postLogout = options.TryGetValue("post-logout-uri", out var given) ? RedirectUri(given) : new Uri(redirect.GetLeftPart(UriPartial.Authority) + "/");
        if (postLogout is null)
            return console.Fail("--post-logout-uri must be an absolute https URI (http only on localhost).");
        await registry.AddStaffToolAsync(clientId, options.GetValueOrDefault("name") ?? clientId, redirect, postLogout);
        console.Output.WriteLine($"client_id:          {clientId} (public: no secret, PKCE with S256)\nredirect_uri:       {redirect}\npost_logout_uri:    {postLogout}");
        return 0;
    }

    /// <summary>An absolute URI codes may be sent to: https, or http on a loopback host (a tool on the operator's machine).</summary>
    private static Uri? RedirectUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Fragment)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? uri
            : null;

    internal static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                return null;
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }
}
