using Quartz;

namespace AnToan.Bot.Notifications;

/// <summary>The scheduled tick: delivers what is due now (Notifications:Cron).</summary>
/// <remarks>Not concurrent with itself; the admin run may still overlap it, which the delivery claims allow.</remarks>
[DisallowConcurrentExecution]
public sealed class AnnouncementJob(AnnouncementDispatcher dispatcher, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("announcements");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.RunAsync(time.GetUtcNow(), cancellationToken);
}
