namespace AnToan.Bot.Admin;

/// <summary>Where admin actions are kept for the audit page: the instance's LiteDB file (<see cref="LiteAuditStore"/>)
/// or PostgreSQL (<see cref="Storage.Postgres.PostgresAuditStore"/>, one log for every instance).</summary>
public interface IAuditStore
{
    void Add(AuditEntry entry);

    /// <summary>The latest <paramref name="count"/> entries, newest (last added) first.</summary>
    IReadOnlyList<AuditEntry> Latest(int count);
}
