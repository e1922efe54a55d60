namespace AnToan.Dialogs.Throttling;

/// <summary>Counts failures (wrong keys, wrong codes) per key: once a key has had <c>maxFailures</c> within
/// <c>window</c> of its first one, it is refused until that window is over. Refused attempts are counted too, so that
/// a caller can record the first refusal of a window and the total, instead of every attempt.</summary>
/// <remarks>The key is a client address as <c>ClientAddress.KeyOf</c> gives it (IPv6 by /64). The counts live in
/// <see cref="IThrottleCounters"/> under <c>scope</c>, so every instance of the bot sees the same ones.</remarks>
public class FailureThrottle(IThrottleCounters counters, string scope, int maxFailures, TimeSpan window, TimeProvider time)
{
    /// <returns>How long the key is still refused; null when it may try now.</returns>
    public TimeSpan? BlockedFor(string key)
    {
        if (counters.Find(scope, key) is not { } w || w.Count < maxFailures) return null;
        var left = w.Start + window - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Counts one refused attempt of a blocked key.</summary>
    /// <returns>The refused attempts of the window so far, this one included (1: the first).</returns>
    public int Refused(string key) => counters.Refuse(scope, key, time.GetUtcNow(), window, maxFailures);

    /// <summary>Counts one failure.</summary>
    /// <returns>When this failure opened a new window: the attempts refused in the one before (else 0).</returns>
    public int Failed(string key) => counters.Count(scope, key, time.GetUtcNow(), window).Closed;

    /// <summary>Forgets the key's failures.</summary>
    /// <returns>The attempts refused in its last window.</returns>
    public int Succeeded(string key) => counters.Forget(scope, key);
}
