using AnToan.Bot.Reports;
using AnToan.Bot.Tests.Infrastructure;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>The reports behind download links (<see cref="IReportLinkStore"/>): what /reports/{token} serves.</summary>
public abstract class ReportLinkStoreContract(TestStores stores) : IDisposable
{
    public void Dispose() => stores.Dispose();

    private DateTimeOffset Now => stores.Time.GetUtcNow();

    private ReportFile Report(string token, double hours) => new(token, "u1", "bao-cao.docx", [1, 2, 3, 250], Now.AddHours(hours));

    [ProviderFact]
    public void AReportAddedOnOneInstance_OpensOnAnother_UntilItExpires()
    {
        var report = Report("a1", 24);
        stores.ReportLinks(0).Add(report, Now);

        var found = stores.ReportLinks(1).Find("a1", Now.AddHours(23));
        Assert.NotNull(found);
        Assert.Equal((report.Token, report.UnitId, report.FileName, report.ExpiresAt), (found.Token, found.UnitId, found.FileName, found.ExpiresAt));
        Assert.Equal(report.Content, found.Content);

        Assert.Null(stores.ReportLinks(1).Find("a1", Now.AddHours(24)));
        Assert.Null(stores.ReportLinks(0).Find("unknown", Now));
    }

    [ProviderFact]
    public void AddingAReport_DeletesThoseExpired_AndKeepsTheOthers()
    {
        stores.ReportLinks(0).Add(Report("short", 1), Now);
        stores.ReportLinks(0).Add(Report("long", 48), Now);

        stores.ReportLinks(1).Add(Report("new", 24), Now.AddHours(2));

        // Asked as of a time the expired one would still be valid: only deletion explains its absence.
        Assert.Null(stores.ReportLinks(0).Find("short", Now));
        Assert.NotNull(stores.ReportLinks(0).Find("long", Now.AddHours(2)));
        Assert.NotNull(stores.ReportLinks(0).Find("new", Now.AddHours(2)));
    }
}

public sealed class LiteDbReportLinkStoreTests() : ReportLinkStoreContract(TestStores.LiteDb());

public sealed class PostgresReportLinkStoreTests() : ReportLinkStoreContract(TestStores.Postgres()), INeedsPostgres;
