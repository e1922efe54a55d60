using AnToan.Bot.Storage;
using AnToan.Bot.Tests.Infrastructure;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AnToan.Bot.Tests.Storage;

public sealed class StorageHealthCheckTests
{
    [Fact]
    public async Task Host_ReportsStorageHealthy()
    {
        await using var host = await TestBotHost.StartAsync();

        var report = await host.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        using var healthz = await host.Client.GetAsync("/healthz");

        Assert.Equal(HealthStatus.Healthy, report.Entries["storage"].Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, healthz.StatusCode);
    }

    [Fact]
    public async Task ClosedDatabase_FailsTheCheck()
    {
        var db = StorageServices.Open(new MemoryStream());
        var sut = new StorageHealthCheck(db);
        db.Dispose();

        await Assert.ThrowsAnyAsync<Exception>(() => sut.CheckHealthAsync(new HealthCheckContext()));
    }
}
