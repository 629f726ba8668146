using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using GraphQL;
using Platform.GraphQL.Server.Projection;

namespace Platform.GraphQL.Server.Relay;

/// <summary>
/// A total order over <typeparamref name="T"/> for keyset paging: sort keys, the last of which must
/// be unique (the id), so every row has one place and a cursor names it exactly. Keys must be
/// non-nullable strings or comparable primitives (coalesce a nullable column in the key).
/// </summary>
public sealed class KeysetOrder<T>
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private readonly Key[] _keys;
    private Projection<T>? _reads;

    private KeysetOrder(string name, Key[] keys) => (Name, _keys) = (name, keys);

    /// <summary>Names the order inside cursors, so a cursor of another order is refused.</summary>
    public string Name { get; }

    /// <summary>The members the keys read: a projected page must hold them for its cursors.</summary>
    public Projection<T> Reads => _reads ??= Projection<T>.Reading(_keys.Select(key => key.Selector));

    public static KeysetOrder<T> By<TKey>(string name, Expression<Func<T, TKey>> key, bool descending = false) =>
        new(name, [Key.Create(key, descending)]);

    public KeysetOrder<T> ThenBy<TKey>(Expression<Func<T, TKey>> key, bool descending = false) =>
        new(Name, [.. _keys, Key.Create(key, descending)]);

    /// <summary>Sorts <paramref name="source"/> in this order, or its reverse.</summary>
    public IOrderedQueryable<T> Sort(IQueryable<T> source, bool reverse) =>
        (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(Sort(source.Expression, SequenceMethods<T>.Queryable, reverse));

    /// <summary>Sorts an in-query sequence (e.g. a group inside a SelectMany) in this order.</summary>
    public Expression Sort(Expression sequence, bool reverse) => Sort(sequence, SequenceMethods<T>.Enumerable, reverse);

    private Expression Sort(Expression sequence, SequenceMethods<T>.Operators methods, bool reverse)
    {
        var first = true;
        foreach (var key in _keys)
        {
            var descending = key.Descending ^ reverse;
            var method = (first, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            Expression selector = methods == SequenceMethods<T>.Queryable ? Expression.Quote(key.Selector) : key.Selector;
            sequence = Expression.Call(methods.Sort(method, key.Type), sequence, selector);
            first = false;
        }
        return sequence;
    }

    /// <summary>
    /// The rows strictly after <paramref name="cursor"/> in this order (or strictly before it when
    /// <paramref name="before"/>): (k1 &gt; v1) OR (k1 = v1 AND k2 &gt; v2) OR …, which an index on
    /// the keys answers by seeking — no OFFSET.
    /// </summary>
    public Expression<Func<T, bool>> Beyond(string cursor, bool before)
    {
        var values = Decode(cursor);
        var row = Expression.Parameter(typeof(T), "row");
        Expression? any = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < _keys.Length; i++)
        {
            var key = _keys[i];
            var column = new ParameterReplacer(key.Selector.Parameters[0], row).Visit(key.Selector.Body);
            var value = Parameter(values[i], key.Type);
            var greater = key.Descending == before;
            var step = Compare(column, value, key.Type, greater ? ExpressionType.GreaterThan : ExpressionType.LessThan);
            var term = equalSoFar is null ? step : Expression.AndAlso(equalSoFar, step);
            any = any is null ? term : Expression.OrElse(any, term);
            var equal = Compare(column, value, key.Type, ExpressionType.Equal);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }
        return Expression.Lambda<Func<T, bool>>(any!, row);
    }

    /// <summary>The opaque cursor of <paramref name="item"/>: the order's name and its key values.</summary>
    public string CursorOf(T item)
    {
        var values = new object?[_keys.Length + 1];
        values[0] = Name;
        for (var i = 0; i < _keys.Length; i++)
            values[i + 1] = _keys[i].Read(item!);
        return System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values));
    }

    private object?[] Decode(string cursor)
    {
        try
        {
            using var json = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
            var items = json.RootElement.EnumerateArray().ToArray();
            if (items.Length != _keys.Length + 1)
                throw InvalidCursor();
            if (items[0].GetString() != Name)
                throw new ExecutionError($"The cursor \"{cursor}\" belongs to another sort order; page with cursors from this order ({Name}).") { Code = "INVALID_CURSOR" };
            return _keys.Select((key, i) => items[i + 1].Deserialize(key.Type)).ToArray();
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            throw InvalidCursor();
        }

        ExecutionError InvalidCursor() => new($"The cursor \"{cursor}\" is not valid; use a cursor returned by this field.") { Code = "INVALID_CURSOR" };
    }

    private static Expression Compare(Expression column, Expression value, Type type, ExpressionType op)
    {
        if (type != typeof(string))
            return Expression.MakeBinary(op, column, value);
        // EF translates string.Compare(a, b) > 0 to a > b in SQL, in the column's collation.
        var compare = Expression.Call(StringCompare, column, value);
        return Expression.MakeBinary(op, compare, Expression.Constant(0));
    }

    // A captured field (not a constant) so EF sends the value as a parameter and reuses the plan.
    private static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), nameof(Box<int>.Value));
    }

    private sealed record Key(LambdaExpression Selector, Type Type, bool Descending, Func<object, object?> Read)
    {
        public static Key Create<TKey>(Expression<Func<T, TKey>> selector, bool descending)
        {
            var type = typeof(TKey);
            if (type != typeof(string) && (Nullable.GetUnderlyingType(type) is not null || type.IsEnum || type == typeof(bool)))
                throw new ArgumentException($"Keyset key {selector} must be a non-nullable string or comparable primitive.");
            var compiled = selector.Compile();
            return new Key(selector, type, descending, item => compiled((T)item));
        }
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>Holds a cursor value so that expression trees read it as a query parameter.</summary>
internal sealed class Box<TValue>(TValue value)
{
    public readonly TValue Value = value;
}
