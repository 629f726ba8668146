using System.Runtime.CompilerServices;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// Readable snapshots: a markdown file of named sections (a GraphQL result, the SQL it ran…)
/// stored in <c>__snapshots__</c> beside the test file and reviewed like code. A missing or different
/// snapshot fails the test and writes the actual text next to it as <c>.actual.md</c>, unless
/// <see cref="AcceptVariable"/> is <c>1</c>: then the snapshot is written and the test passes (review the diff
/// before committing it).
/// </summary>
public static class MarkdownSnapshot
{
    /// <summary>Set to <c>1</c> to write missing or changed snapshots instead of failing.</summary>
    public const string AcceptVariable = "PLATFORM_ACCEPT_SNAPSHOTS";

    public static void Match(string name, IEnumerable<(string Title, string Language, string Body)> sections, [CallerFilePath] string testFile = "")
    {
        var text = new StringBuilder($"# {name}\n");
        foreach (var (title, language, body) in sections)
            text.Append($"\n## {title}\n\n```{language}\n{body.ReplaceLineEndings("\n").TrimEnd()}\n```\n");
        var actual = text.ToString();

        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "__snapshots__");
        var path = Path.Combine(directory, name + ".md");
        var actualPath = Path.Combine(directory, name + ".actual.md");
        Directory.CreateDirectory(directory);
        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(path, actual);
            File.Delete(actualPath);
            return;
        }
        File.WriteAllText(actualPath, actual);
        throw new InvalidOperationException(expected is null
            ? $"Snapshot {path} is missing; the actual output is in {actualPath}. Review it and move it over the snapshot, or run with {AcceptVariable}=1."
            : $"Snapshot {path} differs from the actual output, written to {actualPath}. Review the difference; if it is intended, move the .actual.md over the snapshot, or run with {AcceptVariable}=1.");
    }
}
