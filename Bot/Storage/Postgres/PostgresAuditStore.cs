using AnToan.Bot.Admin;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Admin actions in the table <c>admin_audit</c>: one log for every instance, ordered by its sequence.</summary>
public sealed class PostgresAuditStore(PostgresDatabase database) : IAuditStore
{
    public void Add(AuditEntry entry) =>
        database.Execute("INSERT INTO admin_audit (at, action, who, remote_ip, succeeded, detail) VALUES ($1, $2, $3, $4, $5, $6)",
            entry.At.UtcDateTime, entry.Action, entry.Who, entry.RemoteIp, entry.Succeeded, entry.Detail);

    public IReadOnlyList<AuditEntry> Latest(int count) =>
        database.Query("SELECT at, action, who, remote_ip, succeeded, detail FROM admin_audit ORDER BY id DESC LIMIT $1",
            r => new AuditEntry(UtcTime.Instant(r.GetDateTime(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.IsDBNull(5) ? null : r.GetString(5)),
            count);
}
