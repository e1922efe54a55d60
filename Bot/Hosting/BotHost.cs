using AnToan.Bot.Admin;
using AnToan.Bot.Content;
using AnToan.Bot.Channels;
using AnToan.Bot.Channels.WebChat;
using AnToan.Bot.Channels.Zalo;
using AnToan.Bot.Announcements;
using AnToan.Bot.Reports;
using AnToan.Bot.Storage;

namespace AnToan.Bot.Hosting;

/// <summary>The composition root: reads like the table of contents of the host.</summary>
public static class BotHost
{
    /// <param name="args">Command-line arguments; settings override appsettings.json (e.g. --Storage:Path=...).</param>
    /// <param name="configure">Lets tests replace services (a fake clock) before the host is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json and wwwroot are copied beside the binary, so the host runs the same from any folder.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddInputLimits(builder.Configuration);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddKnowledge(builder.Configuration);
        builder.Services.AddDialogs();
        builder.Services.AddDialogFlows(builder.Configuration);
        builder.Services.AddBotChannels();
        builder.Services.AddWebChat(builder.Configuration);
        builder.Services.AddZalo(builder.Configuration);
        builder.Services.AddAnnouncements(builder.Configuration);
        builder.Services.AddAdmin(builder.Configuration);
        builder.Services.AddTelemetry(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseInputLimits();
        app.UseRateLimiter();
        app.UseAdminPages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealthChecks("/healthz");
        app.MapTelemetry();
        app.MapBotChannels();
        app.MapReports();
        app.MapWebChat();
        app.MapZalo();
        app.MapAdminPages();
        var admin = app.MapAdminApi();
        admin.MapDashboardAdmin();
        admin.MapContentAdmin();
        admin.MapAnnouncementsAdmin();
        admin.MapFeedbackAdmin();
        admin.MapDiagnosticsAdmin();
        return app;
    }
}
