using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Platform.GraphQL.Server.Http;

namespace Platform.GraphQL.Server.Limits;

/// <summary>The client spent its cost budget for the minute; nothing was executed. Answered with HTTP 429 and <c>Retry-After</c>.</summary>
public sealed class CostBudgetExceededError : ValidationError, IHttpStatusError
{
    public const string ErrorCode = "COST_BUDGET_EXCEEDED";

    public CostBudgetExceededError(ValidationContext context, long budget, TimeSpan retryAfter, ASTNode node)
        : base(context.Document.Source, null!,
            $"This client spent its cost budget of {budget} per minute; retry in {RetryAfterSecondsOf(retryAfter)} s.", node)
    {
        Code = ErrorCode;
        RetryAfterSeconds = RetryAfterSecondsOf(retryAfter);
    }

    /// <summary>Whole seconds until the next budget window (at least one).</summary>
    public int RetryAfterSeconds { get; }

    int IHttpStatusError.StatusCode => StatusCodes.Status429TooManyRequests;

    int? IHttpStatusError.RetryAfterSeconds => RetryAfterSeconds;

    private static int RetryAfterSecondsOf(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}
