using Platform.Api.Deployment;

namespace Platform.Api.Security.StaffSignIn;

/// <summary>
/// The admin command line for staff sign-in accounts, against the configured database:
/// <c>users add --email E --name N --role manager [--password P]</c> (prints a generated password once),
/// <c>users lock --email E</c> and <c>users unlock --email E</c>.
/// </summary>
public static class UserCommands
{
    private static readonly string Usage = $"""
        usage: users add --email EMAIL --name NAME --role {string.Join("|", StaffRoles.All)} [--password PASSWORD]
               users lock --email EMAIL
               users unlock --email EMAIL
        """;

    /// <summary>Runs a <c>users …</c> command and returns its exit code; null when <paramref name="args"/> is another command.</summary>
    public static async Task<int?> TryRunAsync(string[] args, AdminConsole console)
    {
        if (args is not ["users", ..])
            return null;
        var options = ClientCommands.ParseOptions(args.Skip(2).ToArray());
        if (args.Length < 2 || options is null || !options.TryGetValue("email", out var email))
            return console.Fail(Usage);

        await using var app = console.Build();
        if (await DatabaseStartup.PrepareForCommandAsync(app, console.Output) is { } behind)
            return console.Fail(behind);
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        switch (args[1])
        {
            case "add" when options.TryGetValue("name", out var name) && options.TryGetValue("role", out var role):
                try
                {
                    var password = await accounts.AddAsync(email, name, role, options.GetValueOrDefault("password"));
                    console.Output.WriteLine(options.ContainsKey("password")
                        ? $"Added {email} ({role})."
                        : $"Added {email} ({role}).\npassword: {password}\nThe password is stored hashed and cannot be shown again.");
                    return 0;
                }
                catch (ArgumentException exception)
                {
                    return console.Fail(exception.Message);
                }
            case "lock" or "unlock":
                if (!await accounts.SetLockedAsync(email, locked: args[1] == "lock"))
                    return console.Fail($"No account `{email}`.");
                console.Output.WriteLine($"{(args[1] == "lock" ? "Locked" : "Unlocked")} {email}.");
                return 0;
            default:
                return console.Fail(Usage);
        }
    }
}
