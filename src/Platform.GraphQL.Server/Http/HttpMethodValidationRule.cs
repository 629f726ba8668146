using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Platform.GraphQL.Server.Http;

/// <summary>
/// Restricts the operation types each HTTP method may run. A validation rule (rather than a peek at the document)
/// sees the operation GraphQL.NET selected by operationName, and reuses the parse the executer does anyway.
/// </summary>
internal sealed class HttpMethodValidationRule : ValidationRuleBase
{
    private static readonly HttpMethodValidationRule GetRule = new(isGet: true);
    private static readonly HttpMethodValidationRule PostRule = new(isGet: false);

    // Precomputed so the common case (no custom rules) allocates nothing per request.
    private static readonly IValidationRule[] CoreRulesWithGet = [.. DocumentValidator.CoreRules, GetRule];
    private static readonly IValidationRule[] CoreRulesWithPost = [.. DocumentValidator.CoreRules, PostRule];
    private static readonly IValidationRule[] OnlyGet = [GetRule];
    private static readonly IValidationRule[] OnlyPost = [PostRule];

    private readonly bool _isGet;

    private HttpMethodValidationRule(bool isGet) => _isGet = isGet;

    /// <summary>
    /// Adds the rule for the request's method to the options, also for cached documents: a document validated once
    /// over POST may later arrive over GET.
    /// </summary>
    public static void AddTo(ExecutionOptions options, bool isGet)
    {
        var rule = isGet ? GetRule : PostRule;
        options.ValidationRules = options.ValidationRules is { } rules
            ? rules.Append(rule)
            : isGet ? CoreRulesWithGet : CoreRulesWithPost;
        options.CachedDocumentValidationRules = options.CachedDocumentValidationRules is { } cachedRules
            ? cachedRules.Append(rule)
            : isGet ? OnlyGet : OnlyPost;
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operationType = context.Operation.Operation;
        if (_isGet && operationType != OperationType.Query)
            context.ReportError(new MutationOverGetError(context));
        else if (!_isGet && operationType == OperationType.Subscription)
            context.ReportError(new SubscriptionOverPostError(context));
        return default;
    }
}
