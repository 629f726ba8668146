using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Platform.Domain.Imports;

namespace Platform.Api.Imports;

/// <summary>One row of an import file: its number, its cells by column, or why it could not be read.</summary>
public sealed record ImportRow(long Number, IReadOnlyDictionary<string, string?> Cells, string? Malformed = null);

/// <summary>
/// Reads an import file a row at a time, never whole: CSV (RFC 4180, a header row names the columns; row 1 is the first
/// record after it) with CsvHelper, JSON Lines with System.Text.Json (row n is line n; blank lines are skipped).
/// </summary>
public static class ImportRowReader
{
    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture) { DetectDelimiter = false, BadDataFound = null, MissingFieldFound = null };

    /// <summary>The rows after row <paramref name="after"/>.</summary>
    public static IAsyncEnumerable<ImportRow> ReadAsync(Stream stream, ImportFormat format, long after, CancellationToken ct) =>
        format == ImportFormat.Csv ? ReadCsvAsync(stream, after, ct) : ReadJsonLinesAsync(stream, after, ct);

    /// <summary>The columns of the file's first row (a CSV header, the first object's properties), or why it is not a file of <paramref name="format"/>.</summary>
    public static async Task<(IReadOnlyList<string> Columns, string? Problem)> ColumnsAsync(Stream stream, ImportFormat format, CancellationToken ct)
    {
        if (format == ImportFormat.Csv)
        {
            using var csv = new CsvReader(new StreamReader(stream, Encoding.UTF8), Csv);
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
                return ([], "The file has no CSV header row naming its columns.");
            return (header, null);
        }
        await foreach (var row in ReadJsonLinesAsync(stream, 0, ct))
            return row.Malformed is { } problem ? ([], $"Row {row.Number}: {problem}") : ([.. row.Cells.Keys], null);
        return ([], "The file holds no JSON object.");
    }

    private static async IAsyncEnumerable<ImportRow> ReadCsvAsync(Stream stream, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        using var csv = new CsvReader(new StreamReader(stream, Encoding.UTF8), Csv);
        if (!await csv.ReadAsync())
            yield break;
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        for (var number = 1L; await csv.ReadAsync(); number++)
        {
            ct.ThrowIfCancellationRequested();
            if (number <= after)
                continue;
            var cells = new Dictionary<string, string?>(header.Length);
            for (var i = 0; i < header.Length; i++)
                cells[header[i]] = csv.TryGetField(i, out string? value) ? value : null;
            yield return new ImportRow(number, cells);
        }
    }

    private static async IAsyncEnumerable<ImportRow> ReadJsonLinesAsync(Stream stream, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        for (var number = 1L; await reader.ReadLineAsync(ct) is { } line; number++)
        {
            if (number <= after || string.IsNullOrWhiteSpace(line))
                continue;
            yield return Parse(number, line);
        }
    }

    private static ImportRow Parse(long number, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new ImportRow(number, new Dictionary<string, string?>(), "The line is not a JSON object.");
            var cells = new Dictionary<string, string?>();
            foreach (var property in document.RootElement.EnumerateObject())
                cells[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
            return new ImportRow(number, cells);
        }
        catch (JsonException e)
        {
            return new ImportRow(number, new Dictionary<string, string?>(), $"The line is not valid JSON: {e.Message}");
        }
    }
}
