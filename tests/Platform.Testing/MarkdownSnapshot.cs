using System.Runtime.CompilerServices;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// Readable snapshots: a markdown file of named sections (a GraphQL result, the SQL it ran…)
/// stored in <c>__snapshots__</c> beside the test file and reviewed like code. A missing snapshot
/// is written and the test passes, except on CI (CI=true), where it fails; a mismatch fails and
/// writes the actual text next to it as <c>.actual.md</c>.
/// </summary>
public static class MarkdownSnapshot
{
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
        if (!File.Exists(path))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"Snapshot {path} is missing; run the tests locally and commit it.");
            File.WriteAllText(path, actual);
            return;
        }
        if (File.ReadAllText(path).ReplaceLineEndings("\n") == actual)
        {
            File.Delete(actualPath);
            return;
        }
        File.WriteAllText(actualPath, actual);
        throw new InvalidOperationException($"Snapshot {path} differs from the actual output, written to {actualPath}. Review the difference; if it is intended, move the .actual.md over the snapshot.");
    }
}
