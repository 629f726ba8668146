namespace Platform.Testing;

/// <summary>Files of the repository the tests check against (the schema, examples, committed assets).</summary>
public static class RepositoryFiles
{
    /// <summary>The repository's root folder: the one above the test binaries that holds <c>Platform.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The full path of a file given by its path segments from the root.</summary>
    public static string PathOf(params string[] segments) => Path.Combine([Root, .. segments]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test binaries.");
    }
}
