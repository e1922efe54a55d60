using System.Collections.Concurrent;

namespace AnToan.Dialogs.Throttling;

/// <summary>Counts failures (wrong keys, wrong codes) per key, in memory: once a key has had <c>maxFailures</c> within
/// <c>window</c> of its first one, it is refused until that window is over. Refused attempts are counted too, so that
/// a caller can record the first refusal of a window and the total, instead of every attempt.</summary>
/// <remarks>The key is a client address as <c>ClientAddress.KeyOf</c> gives it (IPv6 by /64).</remarks>
public class FailureThrottle(int maxFailures, TimeSpan window, TimeProvider time)
{
    /// <summary>Keys remembered at most; beyond it, those whose window is over are dropped first.</summary>
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Failures and refused attempts since <see cref="Start"/>.</summary>
    public sealed record Window(DateTimeOffset Start, int Failures, int Refused);

    /// <returns>How long the key is still refused; null when it may try now.</returns>
    public TimeSpan? BlockedFor(string key)
    {
        if (!_windows.TryGetValue(key, out var w) || w.Failures < maxFailures) return null;
        var left = w.Start + window - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Counts one refused attempt of a blocked key.</summary>
    /// <returns>The refused attempts of the window so far, this one included (1: the first).</returns>
    public int Refused(string key) =>
        _windows.AddOrUpdate(key, _ => new Window(time.GetUtcNow(), maxFailures, 1), (_, w) => w with { Refused = w.Refused + 1 }).Refused;

    /// <summary>Counts one failure.</summary>
    /// <returns>When this failure opened a new window: the attempts refused in the one before (else 0).</returns>
    public int Failed(string key)
    {
        if (_windows.Count >= MaxTracked) DropStale();
        var closed = 0;
        _windows.AddOrUpdate(key,
            _ => new Window(time.GetUtcNow(), 1, 0),
            (_, w) =>
            {
                if (InWindow(w)) { closed = 0; return w with { Failures = w.Failures + 1 }; }
                closed = w.Refused;
                return new Window(time.GetUtcNow(), 1, 0);
            });
        return closed;
    }

    /// <summary>Forgets the key's failures.</summary>
    /// <returns>The attempts refused in its last window.</returns>
    public int Succeeded(string key) => _windows.TryRemove(key, out var w) ? w.Refused : 0;

    private bool InWindow(Window w) => time.GetUtcNow() - w.Start < window;

    private void DropStale()
    {
        foreach (var (key, w) in _windows)
            if (!InWindow(w)) _windows.TryRemove(key, out _);
    }
}
