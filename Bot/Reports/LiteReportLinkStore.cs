using AnToan.Bot.Storage;
using LiteDB;

namespace AnToan.Bot.Reports;

/// <summary>Reports behind links in LiteDB (collection reports, keyed by token).</summary>
public sealed class LiteReportLinkStore(ILiteDatabase db) : IReportLinkStore
{
    private readonly ILiteCollection<StoredReport> _reports = db.GetCollection<StoredReport>("reports");

    public void Add(ReportFile report, DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        _reports.DeleteMany(r => r.ExpiresAt <= at);
        _reports.Insert(new StoredReport
        {
            Id = report.Token, UnitId = report.UnitId, FileName = report.FileName, Content = report.Content, ExpiresAt = report.ExpiresAt.UtcDateTime,
        });
    }

    public ReportFile? Find(string token, DateTimeOffset now) =>
        _reports.FindById(token) is { } r && UtcTime.Instant(r.ExpiresAt) > now
            ? new ReportFile(r.Id, r.UnitId, r.FileName, r.Content, UtcTime.Instant(r.ExpiresAt))
            : null;

    private sealed class StoredReport
    {
        public string Id { get; set; } = "";
        public string UnitId { get; set; } = "";
        public string FileName { get; set; } = "";
        public byte[] Content { get; set; } = [];
        public DateTime ExpiresAt { get; set; }
    }
}
