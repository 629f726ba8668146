using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Platform.GraphQL.Server.Projection;

/// <summary>
/// The members of <typeparamref name="T"/> a query needs, and the <c>Select(e => new T { Id = e.Id, … })</c> that reads
/// only those: EF Core translates the member initialisation into a SELECT of just their columns. One instance per set
/// of members (<see cref="Key"/> names it), built once and shared by every request. <see cref="All"/> reads the whole
/// row: what a set becomes when one of its members cannot be set, or a selection reads what no field declared. A
/// reference (<c>Owner = e.Owner == null ? null : new StaffUser { … }</c>) reads the referenced row's members in the
/// same statement.
/// </summary>
public sealed class Projection<T> : IProjection
{
    private static readonly ConcurrentDictionary<string, Projection<T>> Interned = new(StringComparer.Ordinal);

    /// <summary>The whole row, unprojected.</summary>
    public static readonly Projection<T> All = new(null, null, $"{typeof(T).Name}(*)", null);

    private readonly ConcurrentDictionary<Projection<T>, Projection<T>> _unions = new(ReferenceEqualityComparer.Instance);

    private Projection(IReadOnlySet<string>? members, IReadOnlyDictionary<string, IProjection>? references, string key, Expression<Func<T, T>>? selector) =>
        (Members, References, Key, Selector) = (members, references, key, selector);

    /// <summary>The members read, or null for the whole row.</summary>
    public IReadOnlySet<string>? Members { get; }

    /// <summary>The references read, by navigation member.</summary>
    public IReadOnlyDictionary<string, IProjection>? References { get; }

    /// <summary>Names the type and the members, e.g. <c>Lead(FirstName,Id,OwnerId)</c>: a loader keyed by it batches only equal projections.</summary>
    public string Key { get; }

    /// <summary><c>e => new T { A = e.A, … }</c>, or null for the whole row.</summary>
    public Expression<Func<T, T>>? Selector { get; }

    /// <summary><paramref name="source"/> read through this projection.</summary>
    public IQueryable<T> Apply(IQueryable<T> source) => Selector is null ? source : source.Select(Selector);

    /// <summary>
    /// The projection of exactly <paramref name="members"/> (the id is always read) and <paramref name="references"/>
    /// (one navigation named twice reads what both read).
    /// </summary>
    public static Projection<T> Of(IEnumerable<string> members, IEnumerable<KeyValuePair<string, IProjection>>? references = null)
    {
        var set = new SortedSet<string>(members, StringComparer.Ordinal) { "Id" };
        var sorted = new SortedDictionary<string, IProjection>(StringComparer.Ordinal);
        foreach (var (member, projection) in references ?? [])
            sorted[member] = sorted.TryGetValue(member, out var known) ? known.With(projection) : projection;
        var names = string.Join(',', set.Concat(sorted.Select(reference => $"{reference.Key}={reference.Value.Key}")));
        return Interned.GetOrAdd(names, static (names, read) => Build(names, read.set, read.sorted), (set, sorted));
    }

    /// <summary>The projection of the members of <typeparamref name="T"/> that <paramref name="reads"/> read (<c>x => x.LeadId!.Value</c> reads LeadId).</summary>
    public static Projection<T> Reading(IEnumerable<LambdaExpression> reads) => Of(reads.SelectMany(MemberReads.Of));

    /// <summary>The members of both; <see cref="All"/> if either is.</summary>
    public Projection<T> With(Projection<T> other)
    {
        if (Members is null || ReferenceEquals(this, other))
            return this;
        if (other.Members is null)
            return other;
        return _unions.GetOrAdd(other, static (other, self) => Of(self.Members!.Concat(other.Members!), self.References!.Concat(other.References!)), this);
    }

    IProjection IProjection.With(IProjection other) => With((Projection<T>)other);

    /// <inheritdoc/>
    public Expression ReadFrom(Expression source) => Selector is null
        ? source
        : Expression.Condition(
            Expression.Equal(source, Expression.Constant(null, typeof(T))),
            Expression.Constant(null, typeof(T)),
            new Substitution(Selector.Parameters[0], source).Visit(Selector.Body));

    private static Projection<T> Build(string names, SortedSet<string> members, SortedDictionary<string, IProjection> references)
    {
        if (typeof(T).GetConstructor(Type.EmptyTypes) is not { } constructor)
            return All;
        var row = Expression.Parameter(typeof(T), "e");
        var bindings = new List<MemberBinding>(members.Count);
        foreach (var name in members)
        {
            // A computed property has no setter: the selection needs what it computes from, which only the whole row is sure to hold.
            if (typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is not { CanWrite: true } property)
                return All;
            bindings.Add(Expression.Bind(property, Expression.Property(row, property)));
        }
        foreach (var (name, reference) in references)
        {
            var property = typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!;
            bindings.Add(Expression.Bind(property, reference.ReadFrom(Expression.Property(row, property))));
        }
        var selector = Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(constructor), bindings), row);
        return new Projection<T>(members, references, $"{typeof(T).Name}({names})", selector);
    }

    /// <summary>Puts an expression in place of a lambda's parameter.</summary>
    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
