using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace AnToan.Bot.Announcements;

/// <summary>"scheduler": healthy once the Quartz scheduler runs.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"scheduler is {scheduler.Status}");
    }
}
