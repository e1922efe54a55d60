using AnToan.Bot.Announcements;
using AnToan.Bot.Storage.Postgres;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>Announcements:DeliveryLease: how long a claim without an outcome keeps other instances off a delivery.</summary>
public sealed class PostgresDeliveryLeaseTests
{
    private static readonly Func<Delivery> New = DeliveryStoreContract.New();

    [PostgresFact]
    public async Task AClaimOfADeadInstance_IsTakenOverOnceTheConfiguredLeaseRunsOut()
    {
        using var schema = new TestPostgresSchema();
        await using var a = new PostgresDatabase(schema.ConnectionString);
        await using var b = new PostgresDatabase(schema.ConnectionString);
        var lease = TimeSpan.FromSeconds(1);
        var options = Options.Create(new AnnouncementOptions { DeliveryLease = lease });
        var (onA, onB) = (new PostgresDeliveryStore(a, options), new PostgresDeliveryStore(b, options));

        var claimed = onA.TryClaim("d1", New);
        var started = DateTime.UtcNow;
        Assert.NotNull(claimed);
        Assert.Null(onB.TryClaim("d1", New));

        Delivery? takenOver = null;
        await Wait.Until(() => (takenOver = onB.TryClaim("d1", New)) is not null);

        Assert.NotNull(takenOver);
        Assert.Equal(claimed.ActivityId, takenOver.ActivityId);
        Assert.InRange(DateTime.UtcNow - started, lease * 0.9, TimeSpan.FromSeconds(10));
    }
}
