using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Platform.GraphQL.Server.Relay;

/// <summary>
/// Turns a query built on one context into the body of a compiled query: <c>db.Set&lt;T&gt;()</c> of the compiled query's
/// context parameter in place of each query root, and <c>EF.Constant(x)</c> as plain <c>x</c> (a compiled query keeps
/// its constants in the SQL; EF Core accepts <c>EF.Constant</c> only around what it would otherwise send as a parameter).
/// </summary>
public sealed class QueryRoots(ParameterExpression context) : ExpressionVisitor
{
    private static readonly MethodInfo Set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

    protected override Expression VisitMethodCall(MethodCallExpression node) =>
        node.Method.DeclaringType == typeof(EF) && node.Method.Name == nameof(EF.Constant) ? Visit(node.Arguments[0]) : base.VisitMethodCall(node);

    protected override Expression VisitExtension(Expression node) => node is EntityQueryRootExpression root
        ? Expression.Call(context, Set.MakeGenericMethod(root.ElementType))
        : base.VisitExtension(node);
}
