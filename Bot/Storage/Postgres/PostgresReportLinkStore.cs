using AnToan.Bot.Reports;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Reports behind links in the table <c>report_links</c>, keyed by token: a link made by one instance opens
/// on any.</summary>
public sealed class PostgresReportLinkStore(PostgresDatabase database) : IReportLinkStore
{
    public void Add(ReportFile report, DateTimeOffset now)
    {
        database.Execute("DELETE FROM report_links WHERE expires_at <= $1", now.UtcDateTime);
        database.Execute("INSERT INTO report_links (token, unit_id, file_name, content, expires_at) VALUES ($1, $2, $3, $4, $5)",
            report.Token, report.UnitId, report.FileName, report.Content, report.ExpiresAt.UtcDateTime);
    }

    public ReportFile? Find(string token, DateTimeOffset now) =>
        database.Query("SELECT token, unit_id, file_name, content, expires_at FROM report_links WHERE token = $1 AND expires_at > $2",
            r => new ReportFile(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<byte[]>(3), UtcTime.Instant(r.GetDateTime(4))),
            token, now.UtcDateTime).SingleOrDefault();
}
