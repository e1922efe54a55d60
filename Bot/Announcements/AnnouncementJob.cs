using Quartz;

namespace AnToan.Bot.Announcements;

/// <summary>The scheduled tick: delivers what is due now (Announcements:Cron).</summary>
/// <remarks>Not concurrent with itself; the admin run may still overlap it, which the delivery claims allow.
/// The run stops when the host starts stopping: Quartz waits for running jobs before the host goes on
/// (WaitForJobsToComplete), and a run waiting out a connector's Retry-After or a backoff would otherwise hold the
/// shutdown for as long as it waits. What it had not yet sent is still due and goes out with the next run (here or,
/// clustered, on another instance): the delivery claims make sure nothing goes out twice.</remarks>
[DisallowConcurrentExecution]
public sealed class AnnouncementJob(AnnouncementDispatcher dispatcher, TimeProvider time, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("announcements");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await dispatcher.RunAsync(time.GetUtcNow(), run.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopped with the host: see the remarks.
        }
    }
}
