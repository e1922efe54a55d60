using System.Security.Cryptography;
using AnToan.Dialogs.Units;
using LiteDB;
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
/// <remarks>Stored in LiteDB rather than memory so that a link survives a restart within its lifetime.</remarks>
public sealed class ReportPublisher(
    ILiteDatabase db, WordReportWriter writer, TimeProvider time, IOptions<ReportOptions> options, IHttpContextAccessor http,
    IServer server, ILogger<ReportPublisher> logger) : IReportPublisher
{
    private readonly ILiteCollection<StoredReport> _reports = db.GetCollection<StoredReport>("reports");

    public double LinkHours => options.Value.ReportLinkHours;

    public Task<Uri> PublishAsync(UnitReport report, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        _reports.DeleteMany(r => r.ExpiresAt <= now);
        var (fileName, content) = writer.Write(report);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _reports.Insert(new StoredReport
        {
            Id = token,
            UnitId = report.Unit.Id,
            FileName = fileName,
            Content = content,
            ExpiresAt = now.AddHours(options.Value.ReportLinkHours),
        });
        return Task.FromResult(new Uri(new Uri(BaseUrl()), $"reports/{token}"));
    }

    /// <summary>The report behind a token, or null when unknown or expired.</summary>
    public StoredReport? Find(string token)
    {
        var report = _reports.FindById(token);
        return report is not null && report.ExpiresAt > time.GetUtcNow().UtcDateTime ? report : null;
    }

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

    public sealed class StoredReport
    {
        public string Id { get; set; } = "";
        public string UnitId { get; set; } = "";
        public string FileName { get; set; } = "";
        public byte[] Content { get; set; } = [];
        public DateTime ExpiresAt { get; set; }
    }
}
