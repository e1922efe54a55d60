using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Admin;

/// <summary>A signed-in administrator. <paramref name="Id"/> names the session in the audit log; it is not the token.</summary>
public sealed record AdminSession(string Id, DateTimeOffset ExpiresAt);

/// <summary>Login sessions, in memory: an opaque random token in the cookie, its hash here.</summary>
/// <remarks>Held in memory on purpose: a restart signs everyone out, which is acceptable for a handful of
/// administrators and means no session secret ever reaches the database file. Only the token's SHA-256 is kept, so
/// a memory dump does not yield usable cookies.</remarks>
public sealed class AdminSessions(IOptions<AdminOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, AdminSession> _sessions = new(StringComparer.Ordinal);

    /// <returns>The token for the cookie, and the session.</returns>
    public (string Token, AdminSession Session) Create()
    {
        RemoveExpired();
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var session = new AdminSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), time.GetUtcNow() + options.Value.SessionLifetime);
        _sessions[Hash(token)] = session;
        return (token, session);
    }

    /// <summary>The live session of <paramref name="token"/>, or null when it is unknown or expired.</summary>
    public AdminSession? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var key = Hash(token);
        if (!_sessions.TryGetValue(key, out var session)) return null;
        if (session.ExpiresAt > time.GetUtcNow()) return session;
        _sessions.TryRemove(key, out _);
        return null;
    }

    public void End(string? token)
    {
        if (!string.IsNullOrEmpty(token)) _sessions.TryRemove(Hash(token), out _);
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (key, session) in _sessions)
            if (session.ExpiresAt <= now) _sessions.TryRemove(key, out _);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
