using GraphQL.Validation;
using GraphQLParser.AST;

namespace Platform.GraphQL.Server.Authorization;

/// <summary>A field needs an authenticated caller and the request has no valid token; answered with 401 and <c>WWW-Authenticate</c>.</summary>
public sealed class AuthenticationRequiredError : ValidationError
{
    public const string ErrorCode = "AUTH_NOT_AUTHENTICATED";

    public AuthenticationRequiredError(ValidationContext context, GraphQLField field)
        : base(context.Document.Source, null!, "Authentication required: send a valid access token (Authorization: Bearer …).", field)
    {
        Code = ErrorCode;
    }
}
