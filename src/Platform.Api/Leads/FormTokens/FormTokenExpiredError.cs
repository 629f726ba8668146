using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Leads.FormTokens;

/// <summary>The form token is older than its lifetime: the visitor took too long. Not spam; the page fetches a new token and sends again.</summary>
public sealed record FormTokenExpiredError(DateTime ExpiredAt, string Message) : IPayloadError
{
    public string Code => "FORM_TOKEN_EXPIRED";
}

/// <summary>The <c>FormTokenExpiredError</c> type.</summary>
public sealed class FormTokenExpiredErrorType : ErrorGraphType<FormTokenExpiredError>
{
    public FormTokenExpiredErrorType() : base($"The form token is older than its lifetime (the visitor kept the form open too long); nothing was stored. Fetch a new token from GET {FormTokenEndpoint.Path} and send the form again. Code FORM_TOKEN_EXPIRED.")
    {
        Field(x => x.ExpiredAt).Description("When the token expired (UTC).");
    }
}
