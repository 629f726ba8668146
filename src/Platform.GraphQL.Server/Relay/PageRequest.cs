using GraphQL;

namespace Platform.GraphQL.Server.Relay;

/// <summary>
/// The Relay paging arguments of one connection field, validated: <c>first</c> or <c>last</c>
/// (not both) between 1 and <see cref="MaxPageSize"/>; <c>first</c> defaults to
/// <see cref="DefaultPageSize"/> when neither is given.
/// </summary>
public sealed record PageRequest(int Size, bool Backward, string? After, string? Before)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static PageRequest From(IResolveFieldContext context) =>
        Create(
            context.GetArgument<int?>("first"),
            context.GetArgument<string?>("after"),
            context.GetArgument<int?>("last"),
            context.GetArgument<string?>("before"));

    public static PageRequest Create(int? first, string? after, int? last, string? before)
    {
        if (first is not null && last is not null)
            throw Invalid("Pass either `first` or `last`, not both.");
        if (first is < 1 or > MaxPageSize)
            throw Invalid($"`first` must be between 1 and {MaxPageSize}; it was {first}.");
        if (last is < 1 or > MaxPageSize)
            throw Invalid($"`last` must be between 1 and {MaxPageSize}; it was {last}.");
        return last is null
            ? new PageRequest(first ?? DefaultPageSize, false, after, before)
            : new PageRequest(last.Value, true, after, before);
    }

    /// <summary>
    /// The request in a few characters (<c>first:5</c>, <c>last:10 before[24]:…</c>), distinct for distinct requests: it
    /// names the DataLoader batch of a nested page, once per parent, so it is kept cheaper than the record's own text.
    /// </summary>
    public override string ToString() =>
        $"{(Backward ? "last" : "first")}:{Size}{(After is null ? "" : $" after[{After.Length}]:{After}")}{(Before is null ? "" : $" before[{Before.Length}]:{Before}")}";

    private static ExecutionError Invalid(string message) => new(message) { Code = "INVALID_PAGINATION" };
}
