using AnToan.Bot.Storage;
using LiteDB;

namespace AnToan.Bot.Admin;

/// <summary>Admin actions in LiteDB (collection admin_audit), in the order they were added (auto-incremented id).</summary>
public sealed class LiteAuditStore : IAuditStore
{
    private readonly ILiteCollection<AuditDoc> _entries;

    public LiteAuditStore(ILiteDatabase database)
    {
        _entries = database.GetCollection<AuditDoc>("admin_audit");
        _entries.EnsureIndex(e => e.At);
    }

    public void Add(AuditEntry entry) => _entries.Insert(new AuditDoc
    {
        At = entry.At.UtcDateTime, Action = entry.Action, Who = entry.Who, RemoteIp = entry.RemoteIp, Succeeded = entry.Succeeded, Detail = entry.Detail,
    });

    public IReadOnlyList<AuditEntry> Latest(int count) =>
        _entries.Query().OrderByDescending(e => e.Id).Limit(count).ToList()
            .Select(e => new AuditEntry(UtcTime.Instant(e.At), e.Action, e.Who, e.RemoteIp, e.Succeeded, e.Detail))
            .ToList();

    private sealed class AuditDoc
    {
        public long Id { get; set; }
        public DateTime At { get; set; }
        public string Action { get; set; } = "";
        public string Who { get; set; } = "";
        public string RemoteIp { get; set; } = "";
        public bool Succeeded { get; set; }
        public string? Detail { get; set; }
    }
}
