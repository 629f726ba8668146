using System.Text.Json;
using GraphQL;
using Platform.Domain;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Bulk;

/// <summary>
/// One field of an export row of <typeparamref name="T"/>, named and written as the GraphQL type's field: enums by their
/// GraphQL names, times as ISO 8601 UTC, references as <c>{"id": …}</c> with the global ID. Each kind writes its value
/// typed (no boxing: a million rows of forty fields would otherwise allocate a gigabyte). A field may read the time the
/// export was asked for, for values computed against "now".
/// </summary>
public sealed class ExportColumn<T>(string name, Action<Utf8JsonWriter, JsonEncodedText, T, DateTime> write)
{
    private readonly JsonEncodedText _key = JsonEncodedText.Encode(name);

    public string Name => name;

    public void Write(Utf8JsonWriter json, T row, DateTime now) => write(json, _key, row, now);

    public static ExportColumn<T> Id(Func<T, long> id) =>
        new("id", (json, key, row, _) => json.WriteString(key, GlobalId.Encode(typeof(T).Name, id(row))));

    public static ExportColumn<T> Text(string name, Func<T, string?> value) => new(name, (json, key, row, _) =>
    {
        if (value(row) is { } text)
            json.WriteString(key, text);
        else
            json.WriteNull(key);
    });

    public static ExportColumn<T> Time(string name, Func<T, DateTime?> value) => new(name, (json, key, row, _) =>
    {
        if (value(row) is { } time)
            json.WriteString(key, time);
        else
            json.WriteNull(key);
    });

    public static ExportColumn<T> Number(string name, Func<T, int?> value) => new(name, (json, key, row, _) =>
    {
        if (value(row) is { } number)
            json.WriteNumber(key, number);
        else
            json.WriteNull(key);
    });

    public static ExportColumn<T> Flag(string name, Func<T, bool?> value) => new(name, (json, key, row, _) =>
    {
        if (value(row) is { } flag)
            json.WriteBoolean(key, flag);
        else
            json.WriteNull(key);
    });

    public static ExportColumn<T> Flag(string name, Func<T, DateTime, bool> value) =>
        new(name, (json, key, row, now) => json.WriteBoolean(key, value(row, now)));

    public static ExportColumn<T> Enum<TEnum>(string name, Func<T, TEnum?> value) where TEnum : struct, System.Enum => new(name, (json, key, row, _) =>
    {
        if (value(row) is { } member)
            json.WriteString(key, EnumNames<TEnum>.Of(member));
        else
            json.WriteNull(key);
    });

    /// <summary>An amount of money as the <c>Money</c> type reads it: <c>{"amount": minor units, "currency": …}</c>.</summary>
    public static ExportColumn<T> Money(string name, Func<T, Money?> value) => new(name, (json, key, row, _) =>
    {
        if (value(row) is { } money)
        {
            json.WriteStartObject(key);
            json.WriteNumber("amount", money.AmountMinor);
            json.WriteString("currency", money.Currency);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull(key);
        }
    });

    public static ExportColumn<T> Reference<TOther>(string name, Func<T, long?> id) => new(name, (json, key, row, _) =>
    {
        if (id(row) is { } value)
        {
            json.WriteStartObject(key);
            json.WriteString("id", GlobalId.Encode(typeof(TOther).Name, value));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull(key);
        }
    });

    /// <summary>An enum's members by their GraphQL names (<c>InProgress</c> is <c>IN_PROGRESS</c>).</summary>
    private static class EnumNames<TEnum> where TEnum : struct, System.Enum
    {
        private static readonly Dictionary<TEnum, string> Names = System.Enum.GetValues<TEnum>().ToDictionary(v => v, v => v.ToString().ToConstantCase());

        public static string Of(TEnum member) => Names[member];
    }
}

/// <summary>The fields of an export row of <typeparamref name="T"/>, in the GraphQL type's order.</summary>
public sealed class ExportColumns<T>(params ExportColumn<T>[] columns)
{
    /// <summary>Every field name, in the type's order.</summary>
    public IReadOnlyList<string> Names { get; } = [.. columns.Select(c => c.Name)];

    /// <summary>The fields of <paramref name="names"/>, in the type's order; the id always first.</summary>
    public IReadOnlyList<ExportColumn<T>> Select(IReadOnlyCollection<string> names) => [.. columns.Where(c => c.Name == "id" || names.Contains(c.Name))];

    /// <summary>Writes one row of <paramref name="selected"/> fields as a JSON object.</summary>
    public static void Write(Utf8JsonWriter json, IReadOnlyList<ExportColumn<T>> selected, T row, DateTime now)
    {
        json.WriteStartObject();
        foreach (var column in selected)
            column.Write(json, row, now);
        json.WriteEndObject();
    }
}
