using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Platform.Api.Kpis;

/// <summary>Builds the projection a KPI query groups by: a row shape with the bucket and dimension expressions inlined, so it stays translatable SQL.</summary>
internal static class KpiProjection
{
    public static Expression<Func<TSource, TFact>> Of<TSource, TFact>(
        Expression<Func<TSource, int, string?, TFact>> shape,
        Expression<Func<TSource, int>> bucket,
        Expression<Func<TSource, string?>> dimension)
    {
        var source = shape.Parameters[0];
        var body = ReplacingExpressionVisitor.Replace(shape.Parameters[1], Inline(bucket, source), shape.Body);
        body = ReplacingExpressionVisitor.Replace(shape.Parameters[2], Inline(dimension, source), body);
        return Expression.Lambda<Func<TSource, TFact>>(body, source);
    }

    /// <summary><paramref name="inner"/> applied to <paramref name="outer"/>'s result, e.g. a bucket of a lead's CreatedAt.</summary>
    public static Expression<Func<TSource, TResult>> Then<TSource, TMiddle, TResult>(
        this Expression<Func<TSource, TMiddle>> outer, Expression<Func<TMiddle, TResult>> inner) =>
        Expression.Lambda<Func<TSource, TResult>>(ReplacingExpressionVisitor.Replace(inner.Parameters[0], outer.Body, inner.Body), outer.Parameters);

    private static Expression Inline<TSource, TResult>(Expression<Func<TSource, TResult>> lambda, ParameterExpression source) =>
        ReplacingExpressionVisitor.Replace(lambda.Parameters[0], source, lambda.Body);
}
