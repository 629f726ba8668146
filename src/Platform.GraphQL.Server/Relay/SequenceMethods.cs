using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Platform.GraphQL.Server.Relay;

/// <summary>
/// The LINQ operators paging puts into expression trees, for sequences of <typeparamref name="T"/>, looked up once:
/// <c>Expression.Call</c> by method name copies every public method of <see cref="System.Linq.Queryable"/> or
/// <see cref="System.Linq.Enumerable"/> into a new array to search it, several times per request.
/// </summary>
internal static class SequenceMethods<T>
{
    public static readonly Operators Queryable = new(typeof(Queryable));
    public static readonly Operators Enumerable = new(typeof(Enumerable));

    /// <summary>The operators of one class, <see cref="System.Linq.Queryable"/> or <see cref="System.Linq.Enumerable"/>.</summary>
    internal sealed class Operators(Type declaringType)
    {
        private readonly ConcurrentDictionary<(string Name, Type Key), MethodInfo> _sorts = new();

        /// <summary>Where with a predicate of the element alone (not of its index).</summary>
        public MethodInfo Where { get; } = declaringType.GetMethods()
            .Single(m => m.Name == nameof(System.Linq.Queryable.Where) && PredicateArguments(m.GetParameters()[1].ParameterType) == 2)
            .MakeGenericMethod(typeof(T));

        public MethodInfo Take { get; } = declaringType.GetMethods()
            .Single(m => m.Name == nameof(System.Linq.Queryable.Take) && m.GetParameters()[1].ParameterType == typeof(int))
            .MakeGenericMethod(typeof(T));

        /// <summary>OrderBy, OrderByDescending, ThenBy or ThenByDescending (<paramref name="name"/>) by a key of <paramref name="keyType"/>.</summary>
        public MethodInfo Sort(string name, Type keyType) => _sorts.GetOrAdd((name, keyType), static (key, type) => type.GetMethods()
            .Single(m => m.Name == key.Name && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(T), key.Key), declaringType);

        // Func<T, bool> has two type arguments, Func<T, int, bool> three; Queryable wraps them in Expression<>.
        private static int PredicateArguments(Type predicate) =>
            (predicate.GetGenericTypeDefinition() == typeof(Expression<>) ? predicate.GetGenericArguments()[0] : predicate).GetGenericArguments().Length;
    }
}
