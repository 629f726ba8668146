using GraphQL.Validation;

namespace Platform.GraphQL.Server.Tests.Http;

/// <summary>A server fault before execution starts, which GraphQL.NET catches and reports as an unhandled error.</summary>
public sealed class ThrowingValidationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        throw new InvalidOperationException(TestQuery.SecretFailure);
}
