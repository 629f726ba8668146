using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;

namespace Platform.GraphQL.Server.Descriptions;

/// <summary>
/// The <c>&lt;summary&gt;</c> of members in the XML documentation file next to their assembly, each file read once into a
/// dictionary by member name. GraphQL.NET's own reading evaluates an XPath query over the whole file per member, which
/// made most of the schema build's time at start.
/// </summary>
internal static class XmlDocSummaries
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> Files = new();

    /// <summary>The member's summary as GraphQL.NET reads it (its text, trimmed), or null when it has none.</summary>
    public static string? Of(MemberInfo member) =>
        Files.GetOrAdd(member.Module.Assembly, Load).GetValueOrDefault(ElementName(member)) is { Length: > 0 } summary ? summary : null;

    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        var path = Path.Combine(Path.GetDirectoryName(assembly.Location) ?? "", assembly.GetName().Name + ".xml");
        if (!File.Exists(path))
            return new Dictionary<string, string>();
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(path).Root?.Element("members")?.Elements("member") ?? [])
        {
            // The first summary of the first element of a name counts, as in an XPath string() of the match.
            if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary)
                summaries.TryAdd(name, summary.Value.Trim());
        }
        return summaries;
    }

    // The names of properties, fields and types, the members a schema's descriptions come from.
    private static string ElementName(MemberInfo member) => member switch
    {
        Type type => "T:" + type.FullName?.Replace('+', '.'),
        PropertyInfo => "P:" + $"{member.DeclaringType!.FullName}.{member.Name}".Replace('+', '.'),
        FieldInfo => "F:" + $"{member.DeclaringType!.FullName}.{member.Name}".Replace('+', '.'),
        _ => "",
    };
}
