using GraphQL;
using Microsoft.AspNetCore.Http;

namespace Platform.GraphQL.Server.Http;

/// <summary>
/// The document nests selections, lists or input objects deeper than the parser allows; refused as a request error
/// (400 with either JSON media type) with the same code as an operation over the field depth limit, instead of the
/// parser's exception becoming a fault.
/// </summary>
internal sealed class DocumentTooDeepError : ExecutionError, IHttpStatusError
{
    public DocumentTooDeepError(Exception innerException)
        : base(Limits.LimitedDocumentBuilder.TooDeep, innerException)
    {
        Code = "MAX_DEPTH_EXCEEDED";
    }

    int IHttpStatusError.StatusCode => StatusCodes.Status400BadRequest;

    int? IHttpStatusError.RetryAfterSeconds => null;
}
