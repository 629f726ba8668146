using System.Text.Json;
using Platform.Api.Leads.Submission;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Bulk;

namespace Platform.Api.Bulk;

/// <summary>
/// One type a bulk export can hold: who may export it (the policy of the field that lists it), the list field's filter,
/// the rows as the export's caller reads them, and the fields of a row. The runner streams every type the same way.
/// </summary>
public abstract class BulkExportSource(BulkExportType type, string typeName, string listField, string policy, string? filterField, bool holdsPersonalData)
{
    public BulkExportType Type => type;

    /// <summary>The GraphQL type of a row, e.g. <c>Lead</c>.</summary>
    public string TypeName => typeName;

    /// <summary>The field that lists the type, for messages: <c>leads</c>, or a path such as <c>clients { orders }</c>.</summary>
    public string ListField => listField;

    /// <summary>Who may export the type: who may read its list field.</summary>
    public string Policy => policy;

    /// <summary>The <c>StartBulkExportInput</c> field that takes the list field's filter; null for a type listed without one.</summary>
    public string? FilterField => filterField;

    /// <summary>
    /// Whether a row may hold a person's name, phone, e-mail or words: what <c>erasePerson</c> replaces in the database
    /// (leads, clients, activities). The files of such exports are deleted by an erasure (<see cref="BulkExportErasure"/>).
    /// </summary>
    public bool HoldsPersonalData => holdsPersonalData;

    /// <summary>Every field a row may have, in the type's order.</summary>
    public abstract IReadOnlyList<string> FieldNames { get; }

    /// <summary>The filter the input gives for this type, ready to store (search terms normalized); null for none.</summary>
    public abstract object? FilterOf(StartBulkExportInput input, ContactNormalizer normalizer);

    /// <summary>
    /// Checks a stored filter as the list field does, throwing its error (<c>INVALID_ID</c>, <c>INVALID_ARGUMENT</c>) for a
    /// bad ID or text; called before anything is stored.
    /// </summary>
    public abstract void Check(PlatformDbContext db, string? filter, DateTime now);

    /// <summary>Writes the export's rows into <paramref name="stream"/> through the runner's pipeline; returns how many.</summary>
    public abstract Task<long> WriteAsync(BulkExportRunner runner, Stream stream, PlatformDbContext db, BulkExport export, CancellationToken ct);
}

/// <summary>A <see cref="BulkExportSource"/> of rows of <typeparamref name="T"/>.</summary>
public sealed class BulkExportSource<T>(
    BulkExportType type, string listField, string policy, string? filterField, bool holdsPersonalData, ExportColumns<T> columns,
    Func<StartBulkExportInput, ContactNormalizer, object?> filterOf, Func<PlatformDbContext, string?, DateTime, IQueryable<T>> rows)
    : BulkExportSource(type, typeof(T).Name, listField, policy, filterField, holdsPersonalData) where T : Entity
{
    public override IReadOnlyList<string> FieldNames => columns.Names;

    public override object? FilterOf(StartBulkExportInput input, ContactNormalizer normalizer) => filterOf(input, normalizer);

    public override void Check(PlatformDbContext db, string? filter, DateTime now) => _ = Rows(db, filter, now);

    public override Task<long> WriteAsync(BulkExportRunner runner, Stream stream, PlatformDbContext db, BulkExport export, CancellationToken ct) =>
        runner.WriteRowsAsync(stream, db, Rows(db, export.Filter, export.CreatedAt), export, columns.Select(export.Fields.Split(',')), ct);

    /// <summary>The rows a stored filter selects, as the context's caller reads them.</summary>
    internal IQueryable<T> Rows(PlatformDbContext db, string? filter, DateTime now) => rows(db, filter, now);
}

/// <summary>Reads a stored filter back: the list field's filter input, or every row when none was given.</summary>
public static class StoredFilter
{
    public static TFilter Read<TFilter>(string? json) where TFilter : new() => json is null ? new TFilter() : JsonSerializer.Deserialize<TFilter>(json) ?? new TFilter();
}
