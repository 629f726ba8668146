using GraphQL.Types;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Common;

/// <summary>The object a mutation names does not exist (or the caller may not see or change it).</summary>
public sealed record NotFoundError(string Id, string Message) : IPayloadError
{
    public string Code => "NOT_FOUND";
}

/// <summary>The object changed since the caller read it: reload, then retry with the new version.</summary>
public sealed record ConflictError(int CurrentVersion, string Message) : IPayloadError
{
    public string Code => "CONFLICT";
}

/// <summary>An input field is missing or malformed.</summary>
public sealed record ValidationError(string Field, string Message) : IPayloadError
{
    public string Code => "VALIDATION";
}

/// <summary>The <c>NotFoundError</c> type.</summary>
public sealed class NotFoundErrorType : ErrorGraphType<NotFoundError>
{
    public NotFoundErrorType() : base("No object has the given ID (or it is not visible to the caller, or it belongs to another manager and the caller is a manager). Code NOT_FOUND.")
    {
        Field<NonNullGraphType<IdGraphType>>("id").Description("The ID that was not found.").Resolve(context => context.Source.Id);
    }
}

/// <summary>The <c>ConflictError</c> type.</summary>
public sealed class ConflictErrorType : ErrorGraphType<ConflictError>
{
    public ConflictErrorType() : base("The object was changed by someone else since the version the caller sent; reload it and retry. Code CONFLICT.")
    {
        Field(x => x.CurrentVersion).Description("The object's version now.");
    }
}

/// <summary>The <c>ValidationError</c> type.</summary>
public sealed class ValidationErrorType : ErrorGraphType<ValidationError>
{
    public ValidationErrorType() : base("An input field is missing or malformed. Code VALIDATION.")
    {
        Field(x => x.Field).Description("The input field at fault, e.g. `phone`.");
    }
}
