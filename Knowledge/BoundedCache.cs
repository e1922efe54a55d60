using System.Collections.Concurrent;

namespace AnToan.Knowledge;

/// <summary>A concurrent cache of values that are a pure function of their key, which stops taking entries when full:
/// what is kept never goes stale, and keys that come from users cannot fill memory.</summary>
/// <remarks>It counts its entries itself: <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every one of the
/// dictionary's locks, which every caller would wait on.</remarks>
internal sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private int _count;

    public TValue GetOrAdd<TArg>(TKey key, Func<TKey, TArg, TValue> create, TArg argument)
    {
        if (_entries.TryGetValue(key, out var known)) return known;
        var value = create(key, argument);
        if (Volatile.Read(ref _count) < capacity && _entries.TryAdd(key, value)) Interlocked.Increment(ref _count);
        return value;
    }
}
