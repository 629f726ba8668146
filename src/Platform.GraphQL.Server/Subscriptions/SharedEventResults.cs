using GraphQL.Types;

namespace Platform.GraphQL.Server.Subscriptions;

/// <summary>
/// Marks a subscription field whose events may be executed once for every subscriber with the same document and
/// variables (<see cref="SharedEventExecutionStrategy"/>): each subscriber's stream decides which events it receives, and
/// nothing below the field reads the caller, so an event's result depends only on the event and the document.
/// </summary>
public static class SharedEventResults
{
    private const string MetadataKey = "Platform.SharedEventResults";

    /// <summary>Lets subscribers with the same document and variables share each event's result.</summary>
    public static FieldType ShareEventResults(this FieldType field)
    {
        field.Metadata[MetadataKey] = true;
        return field;
    }

    /// <summary>Whether <paramref name="field"/> was marked with <see cref="ShareEventResults"/>.</summary>
    public static bool SharesEventResults(this FieldType field) => field.GetMetadata(MetadataKey, false);
}
