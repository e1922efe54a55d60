using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Admin;

/// <summary>A signed-in administrator. <paramref name="Id"/> names the session in the audit log; it is not the token.</summary>
public sealed record AdminSession(string Id, DateTimeOffset ExpiresAt);

/// <summary>Login sessions: an opaque random token in the cookie, its hash in the <see cref="IAdminSessionStore"/>.</summary>
/// <remarks>Only the token's SHA-256 is kept, in memory (one instance) or in the shared database (several), so neither
/// a memory dump nor a copy of the database yields usable cookies.</remarks>
public sealed class AdminSessions(IOptions<AdminOptions> options, IAdminSessionStore store, TimeProvider time)
{
    /// <returns>The token for the cookie, and the session.</returns>
    public (string Token, AdminSession Session) Create()
    {
        store.RemoveExpired(time.GetUtcNow());
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var session = new AdminSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), time.GetUtcNow() + options.Value.SessionLifetime);
        store.Add(Hash(token), session);
        return (token, session);
    }

    /// <summary>The live session of <paramref name="token"/>, or null when it is unknown or expired.</summary>
    public AdminSession? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var key = Hash(token);
        if (store.Find(key) is not { } session) return null;
        if (session.ExpiresAt > time.GetUtcNow()) return session;
        store.Remove(key);
        return null;
    }

    public void End(string? token)
    {
        if (!string.IsNullOrEmpty(token) && token.Length <= 100) store.Remove(Hash(token));
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
