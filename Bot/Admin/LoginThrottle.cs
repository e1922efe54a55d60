using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Admin;

/// <summary>Refuses logins from an address that gave too many wrong keys lately, so the key cannot be guessed at speed.</summary>
public sealed class LoginThrottle(IOptions<AdminOptions> options, TimeProvider time)
{
    /// <summary>Addresses remembered at most; beyond it, stale ones are dropped first.</summary>
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    private sealed record Failures(int Count, DateTimeOffset WindowStart);

    public bool IsBlocked(string address) =>
        _failures.TryGetValue(address, out var f) && InWindow(f) && f.Count >= options.Value.MaxFailedLogins;

    public void Failed(string address)
    {
        if (_failures.Count >= MaxTracked) DropStale();
        _failures.AddOrUpdate(address,
            _ => new Failures(1, time.GetUtcNow()),
            (_, f) => InWindow(f) ? f with { Count = f.Count + 1 } : new Failures(1, time.GetUtcNow()));
    }

    public void Succeeded(string address) => _failures.TryRemove(address, out _);

    private bool InWindow(Failures f) => time.GetUtcNow() - f.WindowStart < options.Value.LoginWindow;

    private void DropStale()
    {
        foreach (var (address, f) in _failures)
            if (!InWindow(f)) _failures.TryRemove(address, out _);
    }
}
