using GraphQL;
using Microsoft.AspNetCore.Http;
using Platform.GraphQL.Server.Http;

namespace Platform.GraphQL.Server.Limits;

/// <summary>The document is larger than one of the <see cref="RequestLimits"/> allow; it was not parsed further and nothing ran.</summary>
public sealed class DocumentLimitError : ExecutionError, IHttpStatusError
{
    public DocumentLimitError(string code, string message)
        : base(message)
    {
        Code = code;
    }

    // A refusal of the request as sent, whichever JSON media type the client reads.
    int IHttpStatusError.StatusCode => StatusCodes.Status400BadRequest;

    int? IHttpStatusError.RetryAfterSeconds => null;
}
