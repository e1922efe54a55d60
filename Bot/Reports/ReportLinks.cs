using System.Security.Cryptography;
using AnToan.Dialogs.Units;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Reports;

/// <summary>Where reports are published.</summary>
public sealed class ReportOptions
{
    /// <summary>Bot:PublicBaseUrl — the bot's public address for download links (set it behind a proxy and for Zalo).
    /// Default "": the address of the request that asked for the report, else the address the host listens on.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Bot:ReportLinkHours — how long a download link works. Default 24.</summary>
    public double ReportLinkHours { get; set; } = 24;
}

/// <summary>Stores a generated report under a random 128-bit token until it expires, and builds its absolute link.</summary>
/// <remarks>Stored (<see cref="IReportLinkStore"/>) rather than kept in memory so that a link survives a restart
/// within its lifetime, and with PostgreSQL opens on whichever instance the request reaches.</remarks>
public sealed class ReportPublisher(
    IReportLinkStore links, WordReportWriter writer, TimeProvider time, IOptions<ReportOptions> options, IHttpContextAccessor http,
    IServer server, ILogger<ReportPublisher> logger) : IReportPublisher
{
    public double LinkHours => options.Value.ReportLinkHours;

    public Task<Uri> PublishAsync(UnitReport report, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (fileName, content) = writer.Write(report);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        links.Add(new ReportFile(token, report.Unit.Id, fileName, content, now.AddHours(options.Value.ReportLinkHours)), now);
        return Task.FromResult(new Uri(new Uri(BaseUrl()), $"reports/{token}"));
    }

    /// <summary>The report behind a token, or null when unknown or expired.</summary>
    public ReportFile? Find(string token) => links.Find(token, time.GetUtcNow());

    private string BaseUrl()
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/') + "/";
        if (http.HttpContext?.Request is { } request) return $"{request.Scheme}://{request.Host}{request.PathBase}/";
        // Zalo turns run off the request path: without a configured address, the address the host listens on is
        // all there is — right on one machine, wrong behind a proxy, hence the warning.
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:3978";
        logger.LogWarning("Bot:PublicBaseUrl is not set: the report link uses the listening address {Address}", listening);
        return listening.TrimEnd('/') + "/";
    }
}
