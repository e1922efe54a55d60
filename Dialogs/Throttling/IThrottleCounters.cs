namespace AnToan.Dialogs.Throttling;

/// <summary>Counters per scope and key (a client address, say) in windows that open at their first count: the failures
/// and refusals of the throttles, the requests of the rate limits. Shared by every instance of the bot, so that a limit
/// holds however requests are spread over them.</summary>
/// <remarks>One instance (LiteDB): <see cref="MemoryThrottleCounters"/>, in the process. Several (PostgreSQL): a table
/// of the database they share, one row per key, each count one atomic upsert.</remarks>
public interface IThrottleCounters
{
    /// <summary>Whether other instances count in the same windows (PostgreSQL); otherwise they live in this process.</summary>
    bool Shared { get; }

    /// <summary>The key's last window, over or not; null when it has none.</summary>
    CounterWindow? Find(string scope, string key);

    /// <summary>Counts one in the key's window while it is open at <paramref name="now"/>, else in a new window of
    /// <paramref name="length"/> opening now.</summary>
    /// <returns>The window after the count; <see cref="CounterWindow.Closed"/> tells the refusals of the window a new
    /// one replaced.</returns>
    CounterWindow Count(string scope, string key, DateTimeOffset now, TimeSpan length);

    /// <summary><see cref="Count"/> without holding a request thread while a shared store answers (a rate limit checks
    /// every request).</summary>
    ValueTask<CounterWindow> CountAsync(string scope, string key, DateTimeOffset now, TimeSpan length, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Count(scope, key, now, length));

    /// <summary>Counts one refused attempt in the key's window; when it has none (forgotten meanwhile), in a new one
    /// opening now that holds <paramref name="count"/>.</summary>
    /// <returns>The refused attempts of the window, this one included.</returns>
    int Refuse(string scope, string key, DateTimeOffset now, TimeSpan length, int count);

    /// <summary>Forgets the key.</summary>
    /// <returns>The refused attempts of its window (0 when it had none).</returns>
    int Forget(string scope, string key);
}

/// <summary>A key's window: open from <see cref="Start"/> until <see cref="End"/>.</summary>
/// <param name="Count">What was counted in it (failures, requests).</param>
/// <param name="Refused">Attempts refused in it.</param>
/// <param name="Closed">Set by the count that opened it: the refused attempts of the window before it.</param>
public sealed record CounterWindow(DateTimeOffset Start, DateTimeOffset End, int Count, int Refused, int Closed = 0);
