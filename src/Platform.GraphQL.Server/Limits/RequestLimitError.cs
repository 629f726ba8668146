using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Platform.GraphQL.Server.Http;

namespace Platform.GraphQL.Server.Limits;

/// <summary>The operation exceeds one of the <see cref="RequestLimits"/>; nothing was executed.</summary>
public sealed class RequestLimitError : ValidationError, IHttpStatusError
{
    public RequestLimitError(ValidationContext context, string code, string message, ASTNode node)
        : base(context.Document.Source, null!, message, node)
    {
        Code = code;
    }

    // A refusal of the request as sent, whichever JSON media type the client reads.
    int IHttpStatusError.StatusCode => StatusCodes.Status400BadRequest;

    int? IHttpStatusError.RetryAfterSeconds => null;
}
