using System.Collections;
using System.Collections.Concurrent;

namespace Platform.Api.Tests.Observability;

/// <summary>What an in-memory exporter collects into: spans end on many threads at once.</summary>
public sealed class ConcurrentCollection<T> : ICollection<T>
{
    private readonly ConcurrentQueue<T> _items = new();

    public int Count => _items.Count;

    public bool IsReadOnly => false;

    public void Add(T item) => _items.Enqueue(item);

    public void Clear() => _items.Clear();

    public bool Contains(T item) => _items.Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    public bool Remove(T item) => throw new NotSupportedException();

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
