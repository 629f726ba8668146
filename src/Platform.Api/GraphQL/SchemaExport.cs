using GraphQL;
using GraphQL.Utilities;

namespace Platform.Api.GraphQL;

/// <summary>
/// Prints the schema as SDL: <c>dotnet run --project src/Platform.Api -- schema export [path]</c>
/// regenerates <c>schema/schema.graphql</c>, the published contract a test compares with the code.
/// </summary>
public static class SchemaExport
{
    public const string Command = "dotnet run --project src/Platform.Api -- schema export";

    public static string Print(IServiceProvider services)
    {
        var schema = services.GetRequiredService<PlatformSchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    /// <summary>Handles <c>schema export [path]</c>; false when <paramref name="args"/> is another command.</summary>
    public static bool TryRun(string[] args)
    {
        if (args is not ["schema", "export", ..])
            return false;
        var path = args.Length > 2 ? args[2] : DefaultPath();
        using var app = PlatformApp.Build([]);
        File.WriteAllText(path, Print(app.Services));
        Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
        return true;
    }

    /// <summary>schema/schema.graphql of the checkout around the working directory (dotnet run starts in the project folder).</summary>
    private static string DefaultPath()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? ".", "schema", "schema.graphql");
    }
}
