using GraphQL.Builders;
using GraphQL.Types;

namespace Platform.GraphQL.Server.Relay;

/// <summary>Adds the Relay paging arguments, documented, to a connection field.</summary>
public static class ConnectionArguments
{
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", $"Return the first N items (1–{PageRequest.MaxPageSize}; default {PageRequest.DefaultPageSize} when neither `first` nor `last` is given).")
            .Argument<StringGraphType>("after", "Return items after this cursor (an `endCursor` or edge `cursor` of this field).")
            .Argument<IntGraphType>("last", $"Return the last N items (1–{PageRequest.MaxPageSize}); not together with `first`.")
            .Argument<StringGraphType>("before", "Return items before this cursor (a `startCursor` or edge `cursor` of this field).");
}
