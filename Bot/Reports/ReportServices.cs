using AnToan.Dialogs.Units;

namespace AnToan.Bot.Reports;

public static class ReportServices
{
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection("Bot"))
            .Validate(o => o.ReportLinkHours > 0, "Bot:ReportLinkHours must be positive")
            .Validate(o => o.PublicBaseUrl.Length == 0 || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Bot:PublicBaseUrl must be an absolute URL")
            .ValidateOnStart();
        services.AddOptions<ReportDocumentOptions>().Bind(configuration.GetSection("Report"));
        services.AddHttpContextAccessor();
        // Singletons: the writer reads the wording of the content in service; neither keeps per-request state.
        services.AddSingleton<WordReportWriter>();
        services.AddSingleton<ReportPublisher>();
        services.AddSingleton<IReportPublisher>(sp => sp.GetRequiredService<ReportPublisher>());
        return services;
    }

    /// <summary>GET (and HEAD, which link checkers and mail filters send first) /reports/{token}: the document while
    /// the link lives, 404 before and after; never cached, since the link is the only key to a unit's report.</summary>
    public static void MapReports(this WebApplication app) =>
        app.MapMethods("/reports/{token}", [HttpMethods.Get, HttpMethods.Head], (string token, ReportPublisher reports, HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-store";
            return reports.Find(token) is { } report
                ? Results.File(report.Content, WordContentType, report.FileName)
                : Results.NotFound();
        });
}
