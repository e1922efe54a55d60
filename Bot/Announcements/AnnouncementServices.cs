using AnToan.Dialogs.Engine;
using AnToan.Bot.Channels;
using AnToan.Dialogs;
using AnToan.Knowledge.Calendar;
using Microsoft.Extensions.Options;
using Quartz;

namespace AnToan.Bot.Announcements;

public static class AnnouncementServices
{
    /// <summary>Scheduled announcements: calendar, subscriptions, delivery, the Quartz job and its health check.</summary>
    public static IServiceCollection AddAnnouncements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnnouncementOptions>()
            .Bind(configuration.GetSection(AnnouncementOptions.Section))
            .Bind(configuration.GetSection(AnnouncementOptions.FormerSection))
            .ValidateDataAnnotations().ValidateOnStart();

        // Singletons: stateless over the content snapshot, the clock and the stores (AddStorage); the stores hold the
        // in-flight claims and the rate limits, which must be shared by every run.
        services.AddSingleton<CalendarService>();
        // ISubscriptionStore and IDeliveryStore: registered with the other stores in AddStorage.
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<AnnouncementDispatcher>();
        services.AddSingleton<AnnouncementReplies>();
        services.AddSingleton<IProactiveChannel, BotFrameworkProactiveChannel>();
        // Pooled connections for the connector calls of a fan-out (the SDK takes IHttpClientFactory when registered).
        services.AddHttpClient();

        services.AddSingleton<ICommandHandler, SubscriptionCommands>();
        services.AddSingleton<IMessageInterceptor, CategoryChoiceInterceptor>();
        services.AddSingleton<IMessageInterceptor, OwedAnnouncementsInterceptor>();
        services.AddSingleton<IConversationMembershipHandler, SubscriptionMembership>();

        // LiteDB: in-memory Quartz store: what was delivered lives in the database, the schedule itself is
        // configuration. PostgreSQL: Quartz's clustered ADO.NET store in the same database, so a due run fires on one
        // instance and moves to another if that one dies. The cron is read when the scheduler is built, after the
        // options were validated.
        var postgres = Storage.StorageServices.UsesPostgres(configuration) ? configuration.GetConnectionString("Postgres") : null;
        services.AddQuartz(postgres is null ? [] : ClusterNode, q =>
        {
            if (postgres is not null) UseClusteredStore(q, postgres);
            q.ScheduleJob<AnnouncementJob>(
                (sp, trigger) => trigger.WithIdentity(AnnouncementJob.Key.Name).WithCronSchedule(
                    sp.GetRequiredService<IOptions<AnnouncementOptions>>().Value.Cron,
                    cron => cron.InTimeZone(sp.GetRequiredService<LocalClock>().Zone)),
                (_, job) => job.WithIdentity(AnnouncementJob.Key));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        return services;
    }

    /// <summary>The Quartz scheduler's name, the same on every node of the cluster (its lock rows are made with the schema).</summary>
    public const string SchedulerName = "AnToan.Bot";

    /// <summary>Every instance is a node of one cluster: the same scheduler name, an instance id of its own.</summary>
    private static readonly Dictionary<string, string?> ClusterNode = new()
    {
        ["quartz.scheduler.instanceName"] = SchedulerName,
        ["quartz.scheduler.instanceId"] = "AUTO",
    };

    /// <summary>The clustered ADO.NET job store on the tables <c>qrtz_*</c>, which the bot creates (PostgresSchema).</summary>
    private static void UseClusteredStore(IQuartzBuilder q, string connectionString)
    {
        // Nodes compare each other's check-in times: the cluster runs on the wall clock, whatever clock the bot is
        // given (the announcement run itself still reads the injected one).
        q.UseTimeProvider(TimeProvider.System);
        q.UsePersistentStore(store =>
        {
            // quartz.jobStore.clustered = true; a node that misses its check-ins for 20 s is taken as dead and its
            // runs recovered by another.
            store.UseClustering(c =>
            {
                c.CheckinInterval = TimeSpan.FromSeconds(5);
                c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
            });
            store.UsePostgres(connectionString);
            store.ConfigureStore(o => o.TablePrefix = "qrtz_");
            store.UseSystemTextJsonSerializer();
        });
    }
}
