using AnToan.Dialogs.Engine;
using AnToan.Bot.Channels;
using AnToan.Dialogs;
using AnToan.Knowledge.Calendar;
using Microsoft.Extensions.Options;
using Quartz;

namespace AnToan.Bot.Notifications;

public static class NotificationServices
{
    /// <summary>Scheduled announcements: calendar, subscriptions, delivery, the Quartz job and its health check.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        // Singletons: stateless over the content snapshot, the clock and LiteDB; the stores hold the
        // in-flight claims and the rate limits, which must be shared by every run.
        services.AddSingleton<CalendarService>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<AnnouncementDispatcher>();
        services.AddSingleton<NotificationReplies>();
        services.AddSingleton<IProactiveChannel, BotFrameworkProactiveChannel>();
        // Pooled connections for the connector calls of a fan-out (the SDK takes IHttpClientFactory when registered).
        services.AddHttpClient();

        services.AddSingleton<ICommandHandler, SubscriptionCommands>();
        services.AddSingleton<IMessageInterceptor, CategoryChoiceInterceptor>();
        services.AddSingleton<IMessageInterceptor, OwedAnnouncementsInterceptor>();
        services.AddSingleton<IConversationMembershipHandler, SubscriptionMembership>();

        // In-memory Quartz store: what was delivered lives in LiteDB, the schedule itself is configuration.
        // Read when the scheduler is built, after the options were validated.
        services.AddQuartz(q => q.ScheduleJob<AnnouncementJob>(
            (sp, trigger) => trigger.WithIdentity(AnnouncementJob.Key.Name).WithCronSchedule(
                sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Cron,
                cron => cron.InTimeZone(sp.GetRequiredService<LocalClock>().Zone)),
            (_, job) => job.WithIdentity(AnnouncementJob.Key)));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        return services;
    }
}
