using System.Collections.Concurrent;

namespace AnToan.Dialogs.Throttling;

/// <summary>The throttle counters of a single instance, in its memory: a restart forgets them.</summary>
public sealed class MemoryThrottleCounters : IThrottleCounters
{
    public bool Shared => false;

    /// <summary>Keys remembered at most; beyond it, those whose window is over are dropped first.</summary>
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<(string Scope, string Key), CounterWindow> _windows = new();

    public CounterWindow? Find(string scope, string key) => _windows.TryGetValue((scope, key), out var w) ? w : null;

    public CounterWindow Count(string scope, string key, DateTimeOffset now, TimeSpan length)
    {
        if (_windows.Count >= MaxTracked) DropEnded(now);
        return _windows.AddOrUpdate((scope, key),
            _ => new CounterWindow(now, now + length, 1, 0),
            (_, w) => w.End > now ? w with { Count = w.Count + 1, Closed = 0 } : new CounterWindow(now, now + length, 1, 0, w.Refused));
    }

    public int Refuse(string scope, string key, DateTimeOffset now, TimeSpan length, int count) =>
        _windows.AddOrUpdate((scope, key), _ => new CounterWindow(now, now + length, count, 1), (_, w) => w with { Refused = w.Refused + 1, Closed = 0 }).Refused;

    public int Forget(string scope, string key) => _windows.TryRemove((scope, key), out var w) ? w.Refused : 0;

    private void DropEnded(DateTimeOffset now)
    {
        foreach (var (key, w) in _windows)
            if (w.End <= now) _windows.TryRemove(key, out _);
    }
}
