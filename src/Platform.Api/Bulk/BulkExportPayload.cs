using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Bulk;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Bulk;

/// <summary>What a bulk export mutation returns: the export as it is now, or why nothing changed.</summary>
public sealed record BulkExportPayload(BulkExport? Export, IReadOnlyList<IPayloadError> Errors)
{
    public static BulkExportPayload Ok(BulkExport export) => new(export, []);

    public static BulkExportPayload Failed(IPayloadError error) => new(null, [error]);
}

/// <summary>The caller already has an export queued or running.</summary>
public sealed record ExportInProgressError(string ExportId, string Message) : IPayloadError
{
    public string Code => "EXPORT_IN_PROGRESS";
}

/// <summary>The caller may not read the list field of the type it asked to export.</summary>
public sealed record ExportNotAllowedError(BulkExportType Type, string Message) : IPayloadError
{
    public string Code => "EXPORT_NOT_ALLOWED";
}

/// <summary>The <c>BulkExportPayload</c> type.</summary>
public sealed class BulkExportPayloadType : ObjectGraphType<BulkExportPayload>
{
    public BulkExportPayloadType()
    {
        Name = "BulkExportPayload";
        Description = "The result of `startBulkExport` or `cancelBulkExport`: the export, or the errors that prevented the change (then nothing was changed).";
        Field<BulkExportGraphType>("export").Description("The export after the change; null when there are errors.").Resolve(c => c.Source.Export);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BulkExportErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>ExportInProgressError</c> type.</summary>
public sealed class ExportInProgressErrorType : ErrorGraphType<ExportInProgressError>
{
    public ExportInProgressErrorType() : base("The caller already has an export queued or running; one runs per caller at a time. Code EXPORT_IN_PROGRESS.")
    {
        Field<NonNullGraphType<IdGraphType>>("exportId").Description("The export in progress: wait for it (`bulkExport`) or cancel it (`cancelBulkExport`).").Resolve(c => c.Source.ExportId);
    }
}

/// <summary>The <c>ExportNotAllowedError</c> type.</summary>
public sealed class ExportNotAllowedErrorType : ErrorGraphType<ExportNotAllowedError>
{
    public ExportNotAllowedErrorType() : base("The caller may not export this type: it may not read the field that lists it (docs/access.md). Code EXPORT_NOT_ALLOWED.")
    {
        Field(x => x.Type).Description("The type refused.");
    }
}

/// <summary>The <c>BulkExportError</c> union.</summary>
public sealed class BulkExportErrorType : UnionGraphType
{
    public BulkExportErrorType()
    {
        Name = "BulkExportError";
        Description = "An expected failure of a bulk export mutation; nothing was changed.";
        Type<ValidationErrorType>();
        Type<NotFoundErrorType>();
        Type<TransitionNotAllowedErrorType>();
        Type<ExportInProgressErrorType>();
        Type<ExportNotAllowedErrorType>();
    }
}
