using GraphQL.Types;

namespace Platform.GraphQL.Server.Mutations;

/// <summary>
/// Base of a typed payload error's object type: implements <c>Error</c>; subclasses add the
/// fields that explain it (e.g. the field name of a validation error).
/// </summary>
public abstract class ErrorGraphType<TError> : ObjectGraphType<TError> where TError : IPayloadError
{
    protected ErrorGraphType(string description)
    {
        Description = description;
        Interface<ErrorInterfaceType>();
        IsTypeOf = value => value is TError; // members of error unions are told apart by CLR type
        Field(x => x.Message).Description("What is wrong and how to fix it, for people.");
        Field(x => x.Code).Description("A stable code for programs.");
    }
}
