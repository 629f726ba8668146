using Platform.Api.Deployment;
using Platform.Api.Leads;

namespace Platform.Api.Security;

/// <summary>
/// The admin command line for landing keys, against the configured database: <c>landing-keys add</c> prints the new key,
/// <c>landing-keys rotate</c> replaces a key by a new one with the same settings, <c>landing-keys revoke</c> retires one.
/// </summary>
public static class LandingKeyCommands
{
    private const string Usage = """
        usage: landing-keys add --name NAME --landing-page CODE --origins "https://a.example,https://b.example" [--require-email true] [--trusted-documents-only true]
               landing-keys rotate --key OLD_KEY
               landing-keys revoke --key KEY
        """;

    /// <summary>Runs a <c>landing-keys …</c> command and returns its exit code; null when <paramref name="args"/> is another command.</summary>
    public static async Task<int?> TryRunAsync(string[] args, AdminConsole console)
    {
        if (args is not ["landing-keys", ..])
            return null;
        var options = ClientCommands.ParseOptions(args.Skip(2).ToArray());
        if (args.Length < 2 || options is null)
            return console.Fail(Usage);

        await using var app = console.Build();
        if (await DatabaseStartup.PrepareForCommandAsync(app, console.Output) is { } behind)
            return console.Fail(behind);
        await using var scope = app.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<LandingKeyRegistry>();
        switch (args[1])
        {
            case "add" when options.TryGetValue("name", out var name) && options.TryGetValue("landing-page", out var code) && options.TryGetValue("origins", out var origins):
                var added = await registry.AddAsync(name, code, origins,
                    requireEmailInsteadOfPhone: options.GetValueOrDefault("require-email") == "true",
                    trustedDocumentsOnly: options.GetValueOrDefault("trusted-documents-only") == "true");
                console.Output.WriteLine($"landing key: {added.Key}");
                return 0;
            case "rotate" when options.TryGetValue("key", out var oldKey):
                if (await registry.RotateAsync(oldKey) is not { } rotated)
                    return console.Fail($"No usable landing key `{oldKey}`.");
                console.Output.WriteLine($"landing key: {rotated.Key}\n{oldKey} is revoked; other API nodes stop accepting it within 30 s.");
                return 0;
            case "revoke" when options.TryGetValue("key", out var key):
                if (!await registry.RevokeAsync(key))
                    return console.Fail($"No landing key `{key}`.");
                console.Output.WriteLine($"Revoked {key}; other API nodes stop accepting it within 30 s.");
                return 0;
            default:
                return console.Fail(Usage);
        }
    }
}
