using System.Collections.Concurrent;

namespace AnToan.Bot.Admin;

/// <summary>The sessions of a single instance, in its memory: a restart signs everyone out, which is acceptable for a
/// handful of administrators.</summary>
public sealed class MemoryAdminSessionStore : IAdminSessionStore
{
    private readonly ConcurrentDictionary<string, AdminSession> _sessions = new(StringComparer.Ordinal);

    public void Add(string tokenHash, AdminSession session) => _sessions[tokenHash] = session;

    public AdminSession? Find(string tokenHash) => _sessions.TryGetValue(tokenHash, out var session) ? session : null;

    public void Remove(string tokenHash) => _sessions.TryRemove(tokenHash, out _);

    public void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (key, session) in _sessions)
            if (session.ExpiresAt <= now) _sessions.TryRemove(key, out _);
    }
}
