using GraphQL.Validation;
using GraphQLParser.AST;

namespace Platform.GraphQL.Server.Authorization;

/// <summary>The caller is authenticated but lacks the scope or role a selected field needs; nothing was executed.</summary>
public sealed class AccessDeniedError : ValidationError
{
    public const string ErrorCode = "ACCESS_DENIED";

    public AccessDeniedError(ValidationContext context, GraphQLField field, string fieldName, string requirement)
        : base(context.Document.Source, null!, $"Access denied to `{fieldName}`: it requires {requirement}.", field)
    {
        Code = ErrorCode;
    }
}
