using GraphQL.Validation;
using Platform.GraphQL.Server.Http;

namespace Platform.Api.Leads;

/// <summary>
/// A form post over its rate limit, found when its operation was charged (<see cref="FormRateLimit"/>); nothing was
/// executed. Answered like the middleware's refusal: HTTP 429, <c>Retry-After</c>, code <c>RATE_LIMITED</c>.
/// </summary>
internal sealed class FormRateLimitedError : ValidationError, IHttpStatusError
{
    public FormRateLimitedError(ValidationContext context, TimeSpan retryAfter)
        : this(context, FormRateLimit.SecondsOf(retryAfter))
    {
    }

    private FormRateLimitedError(ValidationContext context, int retryAfterSeconds)
        : base(context.Document.Source, null!, FormRateLimit.MessageFor(retryAfterSeconds), context.Operation)
    {
        Code = FormRateLimit.RateLimitedCode;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public int RetryAfterSeconds { get; }

    int IHttpStatusError.StatusCode => StatusCodes.Status429TooManyRequests;

    int? IHttpStatusError.RetryAfterSeconds => RetryAfterSeconds;
}
