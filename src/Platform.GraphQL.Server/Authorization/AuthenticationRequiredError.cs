using GraphQL.Validation;
using GraphQLParser.AST;

namespace Platform.GraphQL.Server.Authorization;

/// <summary>A field needs an authenticated caller and the request has no valid token; answered with 401 and <c>WWW-Authenticate</c>.</summary>
public sealed class AuthenticationRequiredError : ValidationError
{
    public const string ErrorCode = "AUTH_NOT_AUTHENTICATED";

    public AuthenticationRequiredError(ValidationContext context, GraphQLField field)
        : this(context, field, "Authentication required: send a valid access token (Authorization: Bearer …).")
    {
    }

    private AuthenticationRequiredError(ValidationContext context, GraphQLField field, string message)
        : base(context.Document.Source, null!, message, field)
    {
        Code = ErrorCode;
    }

    /// <summary>Introspection without a token; GraphiQL shows this message when it cannot load the schema.</summary>
    public static AuthenticationRequiredError ForIntrospection(ValidationContext context, GraphQLField field) =>
        new(context, field, "Introspection (__schema, __type) needs a valid access token: send Authorization: Bearer … "
            + "(in GraphiQL, add {\"Authorization\": \"Bearer …\"} in the Headers pane and re-fetch the schema).");
}
