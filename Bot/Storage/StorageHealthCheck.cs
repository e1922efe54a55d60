using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AnToan.Bot.Storage;

/// <summary>Healthy while the LiteDB file answers a read (a lookup by id: cheap however large the state grows).</summary>
public sealed class StorageHealthCheck(ILiteDatabase db) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        db.GetCollection(LiteDbStorage.CollectionName).FindById("healthz");
        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
