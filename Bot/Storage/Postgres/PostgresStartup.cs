using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Connects to the database and migrates its schema when the host starts, before the hosted services
/// registered after storage (the content watcher, Quartz) start: a database that cannot be reached stops the start.</summary>
public sealed class PostgresStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<PostgresDatabase>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Healthy while the database answers a query.</summary>
public sealed class PostgresHealthCheck(PostgresDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, "SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
