using GraphQL.Types;

namespace Platform.GraphQL.Server.Relay;

/// <summary>
/// A Relay connection of <typeparamref name="TNodeType"/>, named after its node type
/// (<c>Lead</c> → <c>LeadConnection</c>), with a <c>nodes</c> shortcut next to <c>edges</c>.
/// </summary>
public sealed class ConnectionGraphType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = GraphTypeNames.Of<TNodeType>();
        Name = node + "Connection";
        Description = $"A page of {node} items, paged by cursor (Relay connection).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType, TNode>>>>>("edges")
            .Description("The items of this page, each with its cursor.")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of this page, without cursors.")
            .Resolve(context => context.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Paging information: whether more items follow or precede, and the cursors of the ends.")
            .Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("The number of items in the whole connection with its filters applied, across all pages (counted only when selected).")
            .Resolve(context => context.Source.Count());
    }
}

/// <summary>An edge of a <see cref="ConnectionGraphType{TNodeType,TNode}"/>: one node and its cursor.</summary>
public sealed class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        var node = GraphTypeNames.Of<TNodeType>();
        Name = node + "Edge";
        Description = $"One item of a {node}Connection, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("An opaque cursor pointing at this item; pass it as `after` or `before`.")
            .Resolve(context => context.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node")
            .Description("The item.")
            .Resolve(context => context.Source.Node);
    }
}

internal static class GraphTypeNames
{
    /// <summary>GraphQL.NET's own naming: the CLR name without a "GraphType" or "Type" suffix.</summary>
    public static string Of<TGraphType>()
    {
        var name = typeof(TGraphType).Name;
        foreach (var suffix in new[] { "GraphType", "Type" })
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                return name[..^suffix.Length];
        return name;
    }
}
