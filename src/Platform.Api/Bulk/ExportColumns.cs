using System.Collections.Concurrent;
using System.Text.Json;
using GraphQL;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Bulk;

/// <summary>A reference to another object in an export row, written as the GraphQL field reads it: <c>{"id": "…"}</c>.</summary>
public sealed record NodeReference(string Id)
{
    public static NodeReference? To<TEntity>(long? id) => id is { } value ? new(GlobalId.Encode(typeof(TEntity).Name, value)) : null;
}

/// <summary>
/// The fields of an export row of <typeparamref name="T"/>, named and written as the GraphQL type's fields: enums by
/// their GraphQL names, times as ISO 8601 UTC, references as <c>{"id": …}</c> with the global ID. The second argument
/// of a field is the time the export was asked for, for fields computed against "now".
/// </summary>
public sealed class ExportColumns<T>(params (string Name, Func<T, DateTime, object?> Value)[] fields)
{
    private static readonly ConcurrentDictionary<Enum, string> EnumNames = new();

    /// <summary>Every field name, in the type's order.</summary>
    public IReadOnlyList<string> Names { get; } = [.. fields.Select(f => f.Name)];

    /// <summary>The fields of <paramref name="names"/>, in the type's order; the id always first.</summary>
    public IReadOnlyList<(string Name, Func<T, DateTime, object?> Value)> Select(IReadOnlyCollection<string> names) =>
        [.. fields.Where(f => f.Name == "id" || names.Contains(f.Name))];

    /// <summary>Writes one row of <paramref name="selected"/> fields as a JSON object.</summary>
    public static void Write(Utf8JsonWriter json, IReadOnlyList<(string Name, Func<T, DateTime, object?> Value)> selected, T row, DateTime now)
    {
        json.WriteStartObject();
        foreach (var (name, value) in selected)
        {
            json.WritePropertyName(name);
            switch (value(row, now))
            {
                case null:
                    json.WriteNullValue();
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case long number:
                    json.WriteNumberValue(number);
                    break;
                case DateTime time:
                    json.WriteStringValue(time);
                    break;
                case Enum member:
                    json.WriteStringValue(EnumNames.GetOrAdd(member, m => m.ToString().ToConstantCase()));
                    break;
                case NodeReference reference:
                    json.WriteStartObject();
                    json.WriteString("id", reference.Id);
                    json.WriteEndObject();
                    break;
                case var other:
                    throw new InvalidOperationException($"An export field of type {other.GetType().Name} has no JSON form.");
            }
        }
        json.WriteEndObject();
    }
}
