using AnToan.Bot.Storage;

namespace AnToan.Bot.Admin;

public static class AdminServices
{
    /// <summary>The admin page and API: login sessions, audit, and the reports the dashboard is drawn from.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section))
            .Validate(o => o.SessionLifetime > TimeSpan.Zero && o.MaxFailedLogins > 0 && o.LoginWindow > TimeSpan.Zero,
                "Admin:SessionLifetime, Admin:MaxFailedLogins and Admin:LoginWindow must be positive")
            .ValidateOnStart();
        // Singletons: the sessions and the login throttle keep their state in the stores (IAdminSessionStore, IThrottleCounters).
        services.AddSingleton<AdminSessions>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AdminAuth>();
        // Singletons: stateless over the stores (AddStorage), the clock and the content in service (LocalClock comes with the dialogs).
        services.AddSingleton<AdminAudit>();
        services.AddSingleton<UnitsDashboard>();
        services.AddSingleton<QuestionsReport>();
        services.AddSingleton<AnnouncementsReport>();
        services.AddSingleton<UnitsExport>();
        services.AddSingleton<ContentReload>();
        // Singletons: read the stores (AddStorage) and the content on every call, keep nothing.
        services.AddSingleton<IAnnouncementLog, AnnouncementLog>();
        // Singleton: the middleware (on every adapter) only holds the question store (IQuestionStore, AddStorage).
        services.AddSingleton<QuestionLogMiddleware>();
        // Deletes conversation state and questions older than their retention, once a day.
        services.AddSingleton(RetentionOptions.From(configuration));
        services.AddHostedService<RetentionService>();
        return services;
    }
}
