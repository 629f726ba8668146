using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Platform.GraphQL.Server.Projection;

/// <summary>
/// Which members of its source object a field reads, for <see cref="SelectionProjection"/>. A field declared with an
/// expression (<c>Field(x => x.FirstName)</c>) reads that member; any other field reads what <see cref="Reads"/> names,
/// and a field that names nothing is taken to need the whole row.
/// </summary>
public static class FieldReads
{
    private const string Key = "Platform.Projection.Reads";
    private const string ReferenceKey = "Platform.Projection.Reference";

    // Where GraphQL.NET keeps the member of a field declared with an expression.
    internal const string ExpressionMember = "ORIGINAL_EXPRESSION_PROPERTY_NAME";

    /// <summary>Declares the members the field's resolver reads: <c>.Reads(x => new { x.Status, x.FirstRespondedAt })</c>.</summary>
    public static FieldBuilder<TSource, TReturn> Reads<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Expression<Func<TSource, object?>> members)
    {
        field.FieldType.Metadata[Key] = MemberReads.Of(members);
        return field;
    }

    /// <summary>
    /// Declares that the field resolves the reference <paramref name="navigation"/> (<c>x => x.Owner</c>): a list of the
    /// source reads the selected columns of the referenced row in the same statement, so the resolver finds it set when
    /// the source came from such a list and loads it by its key otherwise.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ReadsReference<TSource, TReturn, TReference>(this FieldBuilder<TSource, TReturn> field, Expression<Func<TSource, TReference?>> navigation)
        where TReference : class
    {
        field.FieldType.Metadata[ReferenceKey] = ReferenceReads<TReference>.Of(navigation);
        return field;
    }

    /// <summary>The reference <paramref name="field"/> resolves, if it declared one.</summary>
    internal static IReferenceReads? ReferenceOf(FieldType field) => field.GetMetadata<IReferenceReads?>(ReferenceKey);

    /// <summary>The members <paramref name="field"/> reads, or null when it does not say.</summary>
    internal static IReadOnlyList<string>? Of(FieldType field) =>
        field.GetMetadata<IReadOnlyList<string>?>(Key)
        ?? (field.GetMetadata<string?>(ExpressionMember) is { } member ? [member] : null);
}
