using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Imports;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Imports;

/// <summary>What a lead import mutation returns: the import as it is now, or why nothing changed.</summary>
public sealed record LeadImportPayload(LeadImport? Import, IReadOnlyList<IPayloadError> Errors)
{
    public static LeadImportPayload Ok(LeadImport import) => new(import, []);

    public static LeadImportPayload Failed(IPayloadError error) => new(null, [error]);
}

/// <summary>The <c>LeadImportPayload</c> type.</summary>
public sealed class LeadImportPayloadType : ObjectGraphType<LeadImportPayload>
{
    public LeadImportPayloadType()
    {
        Name = "LeadImportPayload";
        Description = "The result of `importLeads` or `cancelLeadImport`: the import, or the errors that prevented the change (then nothing was changed).";
        Field<LeadImportGraphType>("import").Description("The import after the change; null when there are errors.").Resolve(c => c.Source.Import);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadImportErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>LeadImportError</c> union.</summary>
public sealed class LeadImportErrorType : UnionGraphType
{
    public LeadImportErrorType()
    {
        Name = "LeadImportError";
        Description = "An expected failure of a lead import mutation; nothing was changed.";
        Type<ValidationErrorType>();
        Type<NotFoundErrorType>();
        Type<TransitionNotAllowedErrorType>();
    }
}
