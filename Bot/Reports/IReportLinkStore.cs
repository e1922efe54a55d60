namespace AnToan.Bot.Reports;

/// <summary>A generated report kept behind its link's token until <paramref name="ExpiresAt"/>.</summary>
public sealed record ReportFile(string Token, string UnitId, string FileName, byte[] Content, DateTimeOffset ExpiresAt);

/// <summary>The reports behind download links: the instance's LiteDB file (<see cref="LiteReportLinkStore"/>) or
/// PostgreSQL (<see cref="Storage.Postgres.PostgresReportLinkStore"/>, so a link made by one instance opens on any).</summary>
public interface IReportLinkStore
{
    /// <summary>Keeps <paramref name="report"/>, deleting the reports expired at <paramref name="now"/>.</summary>
    void Add(ReportFile report, DateTimeOffset now);

    /// <summary>The report behind <paramref name="token"/>, or null when unknown or expired at <paramref name="now"/>.</summary>
    ReportFile? Find(string token, DateTimeOffset now);
}
