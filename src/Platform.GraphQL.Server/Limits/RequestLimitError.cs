using GraphQL.Validation;
using GraphQLParser.AST;

namespace Platform.GraphQL.Server.Limits;

/// <summary>The operation exceeds one of the <see cref="RequestLimits"/>; nothing was executed.</summary>
public sealed class RequestLimitError : ValidationError
{
    public RequestLimitError(ValidationContext context, string code, string message, ASTNode node)
        : base(context.Document.Source, null!, message, node)
    {
        Code = code;
    }
}
