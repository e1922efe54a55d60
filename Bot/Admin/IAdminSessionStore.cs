namespace AnToan.Bot.Admin;

/// <summary>Where dashboard sessions live, by the SHA-256 of their token: shared by every instance, so a login on one
/// is valid on the others and a logout on one ends it on all.</summary>
/// <remarks>One instance (LiteDB): <see cref="MemoryAdminSessionStore"/>. Several (PostgreSQL): a table. Neither ever
/// holds a token itself, so neither a memory dump nor a database copy yields a usable cookie.</remarks>
public interface IAdminSessionStore
{
    void Add(string tokenHash, AdminSession session);

    /// <summary>The session under <paramref name="tokenHash"/>, expired or not; null when there is none.</summary>
    AdminSession? Find(string tokenHash);

    void Remove(string tokenHash);

    /// <summary>Forgets the sessions that expired at or before <paramref name="now"/>.</summary>
    void RemoveExpired(DateTimeOffset now);
}
