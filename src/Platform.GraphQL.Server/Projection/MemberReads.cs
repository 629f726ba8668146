using System.Linq.Expressions;

namespace Platform.GraphQL.Server.Projection;

/// <summary>The members a lambda reads from its parameter: <c>x => new { x.A, x.B }</c> reads A and B.</summary>
internal sealed class MemberReads : ExpressionVisitor
{
    private readonly ParameterExpression _parameter;
    private readonly List<string> _members = [];

    private MemberReads(ParameterExpression parameter) => _parameter = parameter;

    public static IReadOnlyList<string> Of(LambdaExpression lambda)
    {
        var reads = new MemberReads(lambda.Parameters[0]);
        reads.Visit(lambda.Body);
        return reads._members;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression == _parameter)
            _members.Add(node.Member.Name);
        return base.VisitMember(node);
    }
}
