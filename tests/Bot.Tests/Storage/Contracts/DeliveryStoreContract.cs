using AnToan.Bot.Announcements;
using AnToan.Bot.Tests.Infrastructure;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>Delivery claims and outcomes (<see cref="IDeliveryStore"/>): exactly one claimant per delivery.</summary>
public abstract class DeliveryStoreContract(TestStores stores) : IDisposable
{
    private static readonly DateTimeOffset Due = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

    public void Dispose() => stores.Dispose();

    internal static Func<Delivery> New(string subscription = "sub-1", DateTimeOffset? due = null) => () => new Delivery
    {
        AnnouncementKey = "deadline:2026-12-01",
        SubscriptionId = subscription,
        EntryId = "deadline-report",
        OccurrenceStart = "2026-12-01",
        DueAt = (due ?? Due).UtcDateTime,
        UpdatedAt = Due.UtcDateTime,
    };

    [ProviderFact]
    public async Task ClaimsRacingFromTwoInstances_OneWins()
    {
        var claims = await TestStores.RaceAsync(8, i => stores.Deliveries(i % 2).TryClaim("d1", New()));

        var winner = Assert.Single(claims.OfType<Delivery>());
        Assert.Equal(DeliveryState.Pending, winner.State);
        Assert.StartsWith("ann-", winner.ActivityId);
    }

    [ProviderFact]
    public void ADeliveredClaim_IsNeverClaimedAgain_AndIsTheLatestOutcome()
    {
        var claim = stores.Deliveries(0).TryClaim("d1", New())!;
        claim.Attempts = 2;
        stores.Deliveries(0).Complete(claim, DeliveryState.Delivered, Due.AddMinutes(1), "ok");

        Assert.Null(stores.Deliveries(1).TryClaim("d1", New()));
        Assert.Null(stores.Deliveries(0).TryClaim("d1", New()));
        var recent = Assert.Single(stores.Deliveries(1).Recent(10));
        Assert.Equal((DeliveryState.Delivered, 2, "ok", "sub-1"), (recent.State, recent.Attempts, recent.Detail, recent.SubscriptionId));
        Assert.Equal(Due.AddMinutes(1).UtcDateTime, recent.UpdatedAt.ToUniversalTime());
    }

    [ProviderFact]
    public void AClaimReleasedUnacknowledged_IsTakenOver_WithTheSameActivityId()
    {
        var first = stores.Deliveries(0).TryClaim("d1", New())!;
        stores.Deliveries(0).Complete(first, DeliveryState.Pending, Due, "transient");

        var again = stores.Deliveries(1).TryClaim("d1", New());

        Assert.NotNull(again);
        Assert.Equal(first.ActivityId, again.ActivityId);
        Assert.Null(stores.Deliveries(0).TryClaim("d1", New())); // held by the second claimant now
    }

    [ProviderFact]
    public void AnOwedDelivery_IsClaimedByOneTurn()
    {
        var claim = stores.Deliveries(0).TryClaim("d1", New())!;
        stores.Deliveries(0).Complete(claim, DeliveryState.Owed, Due);
        var owed = Assert.Single(stores.Deliveries(1).Owed("sub-1"));
        Assert.Empty(stores.Deliveries(1).Owed("sub-2"));

        var taken = stores.Deliveries(1).TryClaimOwed(owed);
        Assert.NotNull(taken);
        Assert.Null(stores.Deliveries(0).TryClaimOwed(owed));
        stores.Deliveries(1).Release(taken);
        Assert.NotNull(stores.Deliveries(0).TryClaimOwed(owed));
    }

    [ProviderFact]
    public void Expire_GivesUpUnacknowledgedDeliveriesDueBeforeTheGraceWindow_ThatNobodyHolds()
    {
        var old = stores.Deliveries(0).TryClaim("old", New("sub-1", Due.AddDays(-10)))!;
        stores.Deliveries(0).Complete(old, DeliveryState.Pending, Due, "transient");
        stores.Deliveries(0).TryClaim("held", New("sub-2", Due.AddDays(-10)));
        stores.Deliveries(0).TryClaim("recent", New("sub-3", Due));

        Assert.Equal(1, stores.Deliveries(1).Expire(Due.AddDays(-3), Due));

        Assert.Equal(DeliveryState.Expired, stores.Deliveries(1).Recent(10).Single(d => d.Id == "old").State);
        Assert.Null(stores.Deliveries(1).TryClaim("old", New()));
    }

    [ProviderFact]
    public void TheWatermark_MovesForwardOnly_AndTellsWhereItWas()
    {
        Assert.Null(stores.Deliveries(0).AdvanceWatermark(Due));
        Assert.Equal(Due, stores.Deliveries(1).AdvanceWatermark(Due.AddHours(1)));
        Assert.Equal(Due.AddHours(1), stores.Deliveries(0).AdvanceWatermark(Due));
        Assert.Equal(Due.AddHours(1), stores.Deliveries(1).AdvanceWatermark(Due.AddHours(1)));
    }
}

public sealed class LiteDbDeliveryStoreTests() : DeliveryStoreContract(TestStores.LiteDb());

public sealed class PostgresDeliveryStoreTests() : DeliveryStoreContract(TestStores.Postgres()), INeedsPostgres;
