using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Platform.GraphQL.Server.Projection;

/// <summary>
/// A field that resolves a reference navigation of its source (<c>lead.Owner</c>): a list's projection reads the
/// referenced row's selected columns in its own statement (a LEFT JOIN) instead of a DataLoader's extra one.
/// </summary>
internal interface IReferenceReads
{
    /// <summary>The navigation member of the source.</summary>
    string Member { get; }

    /// <summary>The projection of the referenced type that <paramref name="selection"/> reads.</summary>
    IProjection Read(IResolveFieldContext context, IGraphType? type, GraphQLSelectionSet? selection);
}

/// <summary>The <see cref="IReferenceReads"/> of a navigation to <typeparamref name="TReference"/>.</summary>
internal sealed class ReferenceReads<TReference>(string member) : IReferenceReads
{
    public string Member { get; } = member;

    public IProjection Read(IResolveFieldContext context, IGraphType? type, GraphQLSelectionSet? selection) =>
        SelectionProjection.Read<TReference>(context, type, [selection]);

    public static ReferenceReads<TReference> Of<TSource>(Expression<Func<TSource, TReference?>> navigation) =>
        navigation.Body is MemberExpression { Member.Name: var name } member && member.Expression == navigation.Parameters[0]
            ? new ReferenceReads<TReference>(name)
            : throw new ArgumentException("A reference is a navigation member of the source: x => x.Owner.", nameof(navigation));
}
