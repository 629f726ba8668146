using GraphQL;

namespace Platform.GraphQL.Server.Http;

/// <summary>
/// An <see cref="ExecutionError"/> carrying the HTTP status (and optional <c>Retry-After</c>) of its response; thrown by a
/// resolver or set by an unhandled-exception handler. Its <see cref="ExecutionError.Code"/> is shown as <c>extensions.code</c>.
/// </summary>
public class HttpStatusError : ExecutionError, IHttpStatusError
{
    /// <summary>An error answered with <paramref name="statusCode"/>; no inner exception, so no detail of the cause is shown.</summary>
    public HttpStatusError(int statusCode, string code, string message, int? retryAfterSeconds = null)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        RetryAfterSeconds = retryAfterSeconds;
    }

    /// <inheritdoc/>
    public int StatusCode { get; }

    /// <inheritdoc/>
    public int? RetryAfterSeconds { get; }
}
