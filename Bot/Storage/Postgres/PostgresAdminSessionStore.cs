using AnToan.Bot.Admin;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Dashboard sessions in the table <c>admin_sessions</c>, shared by every instance: a login on one is valid on
/// the others, a logout on one ends it everywhere.</summary>
/// <remarks>Rows hold the token's SHA-256, never the token: a copy of the database signs nobody in.</remarks>
public sealed class PostgresAdminSessionStore(PostgresDatabase database) : IAdminSessionStore
{
    public void Add(string tokenHash, AdminSession session) =>
        database.Execute("INSERT INTO admin_sessions (token_hash, id, expires_at) VALUES ($1, $2, $3)",
            tokenHash, session.Id, session.ExpiresAt.ToUniversalTime());

    public AdminSession? Find(string tokenHash) =>
        database.Query("SELECT id, expires_at FROM admin_sessions WHERE token_hash = $1",
            r => new AdminSession(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1)), tokenHash).SingleOrDefault();

    public void Remove(string tokenHash) =>
        database.Execute("DELETE FROM admin_sessions WHERE token_hash = $1", tokenHash);

    public void RemoveExpired(DateTimeOffset now) =>
        database.Execute("DELETE FROM admin_sessions WHERE expires_at <= $1", now.ToUniversalTime());
}
