using AnToan.Bot.Channels.Zalo;
using AnToan.Bot.Tests.Infrastructure;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>The Zalo inbox (<see cref="IZaloInbox"/>): an event is accepted once and run once, whichever instance
/// received it and whichever tries to run it.</summary>
public abstract class ZaloInboxContract(TestStores stores) : IDisposable
{
    public void Dispose() => stores.Dispose();

    [ProviderFact]
    public void AnEvent_IsAcceptedOnce_AndForgettingItLetsTheRetryIn()
    {
        Assert.True(stores.ZaloInbox(0).TryAccept("msg-1", "{}"));
        Assert.False(stores.ZaloInbox(1).TryAccept("msg-1", "{}"));

        stores.ZaloInbox(1).Forget("msg-1");
        Assert.True(stores.ZaloInbox(0).TryAccept("msg-1", "{\"retry\":1}"));
        Assert.Equal("{\"retry\":1}", Assert.Single(stores.ZaloInbox(1).Pending()).Body);
    }

    [ProviderFact]
    public void PendingEvents_ComeOldestFirst_AndACompletedOneIsNeitherPendingNorClaimable_ButStillADuplicate()
    {
        stores.ZaloInbox(0).TryAccept("msg-b", "b");
        stores.Time.Advance(TimeSpan.FromSeconds(1));
        stores.ZaloInbox(1).TryAccept("msg-a", "a");

        Assert.Equal(["msg-b", "msg-a"], stores.ZaloInbox(0).Pending().Select(e => e.Id));
        Assert.Equal(["b", "a"], stores.ZaloInbox(1).Pending().Select(e => e.Body));

        Assert.True(stores.ZaloInbox(1).TryClaim("msg-b"));
        stores.ZaloInbox(1).Complete("msg-b");
        Assert.Equal(["msg-a"], stores.ZaloInbox(0).Pending().Select(e => e.Id));
        Assert.False(stores.ZaloInbox(0).TryClaim("msg-b"));
        Assert.False(stores.ZaloInbox(0).TryAccept("msg-b", "b"));
        Assert.False(stores.ZaloInbox(0).TryClaim("unknown"));
    }

    [ProviderFact]
    public void ProcessedIds_AreForgottenOnlyOnceAReplayWouldBeStale()
    {
        stores.ZaloInbox(0).TryAccept("old", "{}");
        stores.ZaloInbox(0).TryClaim("old");
        stores.ZaloInbox(0).Complete("old");

        stores.Time.Advance(ZaloInboxEntry.Retention(new ZaloOptions()) - TimeSpan.FromSeconds(1));
        stores.ZaloInbox(1).TryAccept("new", "{}");
        stores.ZaloInbox(1).TryClaim("new");
        stores.ZaloInbox(1).Complete("new");
        Assert.False(stores.ZaloInbox(0).TryAccept("old", "{}"));

        stores.Time.Advance(TimeSpan.FromSeconds(2));
        stores.ZaloInbox(0).TryAccept("newer", "{}");
        stores.ZaloInbox(0).TryClaim("newer");
        stores.ZaloInbox(0).Complete("newer");
        Assert.True(stores.ZaloInbox(1).TryAccept("old", "{}"));
        Assert.False(stores.ZaloInbox(1).TryAccept("new", "{}"));
    }
}

public sealed class LiteZaloInboxTests() : ZaloInboxContract(TestStores.LiteDb());

public sealed class PostgresZaloInboxTests() : ZaloInboxContract(TestStores.Postgres()), INeedsPostgres;

/// <summary>With PostgreSQL two instances may hold one event (one queued it, the other found it pending at start-up):
/// their claims race, and one wins. (With LiteDB the processor is the only claimant.)</summary>
public sealed class PostgresZaloInboxClaimTests
{
    [PostgresFact]
    public async Task ClaimsRacingFromTwoInstances_LetOneRunTheEvent()
    {
        using var stores = TestStores.Postgres();
        stores.ZaloInbox(0).TryAccept("msg-1", "{}");

        var claims = await TestStores.RaceAsync(20, i =>
        {
            if (!stores.ZaloInbox(i % 2).TryClaim("msg-1")) return false;
            stores.ZaloInbox(i % 2).Complete("msg-1");
            return true;
        });

        Assert.Single(claims, c => c);
    }
}

/// <summary>Zalo users' interaction windows (<see cref="IZaloUserStore"/>), written and read through either instance.</summary>
public abstract class ZaloUserStoreContract(TestStores stores) : IDisposable
{
    private static readonly DateTimeOffset Now = TestStores.Start;

    public void Dispose() => stores.Dispose();

    [ProviderFact]
    public void TheWindow_RunsSevenDaysFromTheLatestInteraction()
    {
        Assert.False(stores.ZaloUsers(0).IsWithinWindow("u1", Now));

        stores.ZaloUsers(0).RecordInteraction("u1", Now);
        stores.ZaloUsers(1).RecordInteraction("u1", Now.AddDays(-3)); // a late event never moves the window back

        Assert.True(stores.ZaloUsers(1).IsWithinWindow("u1", Now.AddDays(7).AddMinutes(-1)));
        Assert.False(stores.ZaloUsers(0).IsWithinWindow("u1", Now.AddDays(7)));
        Assert.False(stores.ZaloUsers(0).IsWithinWindow("u2", Now));
    }

    [ProviderFact]
    public void AUserMarkedOutside_StaysOutUntilTheyWriteAgain()
    {
        stores.ZaloUsers(0).RecordInteraction("u1", Now);
        stores.ZaloUsers(1).MarkOutsideWindow("u1");
        stores.ZaloUsers(1).MarkOutsideWindow("never-wrote");

        Assert.False(stores.ZaloUsers(0).IsWithinWindow("u1", Now.AddMinutes(1)));
        Assert.False(stores.ZaloUsers(0).IsWithinWindow("never-wrote", Now));

        stores.ZaloUsers(0).RecordInteraction("u1", Now.AddHours(1));
        Assert.True(stores.ZaloUsers(1).IsWithinWindow("u1", Now.AddHours(2)));
    }
}

public sealed class LiteZaloUserStoreTests() : ZaloUserStoreContract(TestStores.LiteDb());

public sealed class PostgresZaloUserStoreTests() : ZaloUserStoreContract(TestStores.Postgres()), INeedsPostgres;

/// <summary>The OA's tokens (<see cref="IZaloTokenStore"/>): seeded from the settings once, then the stored pair rules.</summary>
public abstract class ZaloTokenStoreContract(TestStores stores) : IDisposable
{
    private static readonly ZaloOptions Settings = new() { AccessToken = "access-0", RefreshToken = "refresh-0" };

    public void Dispose() => stores.Dispose();

    [ProviderFact]
    public void TheSettingsPair_IsSeededOnce_ThenARenewedPairIsWhatEveryInstanceLoads()
    {
        var seeded = stores.ZaloTokens(0).LoadOrSeed(Settings);
        Assert.Equal(("access-0", "refresh-0", 0L), (seeded.AccessToken, seeded.RefreshToken, seeded.ExpiresAtMs));

        stores.ZaloTokens(0).Save(seeded with { AccessToken = "access-1", RefreshToken = "refresh-1", ExpiresAtMs = 42 });

        foreach (var instance in new[] { 1, 0 })
        {
            var loaded = stores.ZaloTokens(instance).LoadOrSeed(Settings);
            Assert.Equal(("access-1", "refresh-1", 42L), (loaded.AccessToken, loaded.RefreshToken, loaded.ExpiresAtMs));
        }
        Assert.Equal("refresh-1", stores.ZaloTokens(1).LoadOrSeed(new ZaloOptions()).RefreshToken);
    }

    [ProviderFact]
    public void ANewPairInTheSettings_ReplacesTheStoredOne()
    {
        var first = stores.ZaloTokens(0).LoadOrSeed(Settings);
        stores.ZaloTokens(0).Save(first with { AccessToken = "access-1", RefreshToken = "refresh-1", ExpiresAtMs = 42 });

        var replaced = stores.ZaloTokens(1).LoadOrSeed(new ZaloOptions { AccessToken = "new-access", RefreshToken = "new-refresh" });

        Assert.Equal(("new-access", "new-refresh", 0L), (replaced.AccessToken, replaced.RefreshToken, replaced.ExpiresAtMs));
        Assert.Equal("new-refresh", stores.ZaloTokens(0).LoadOrSeed(new ZaloOptions()).RefreshToken);
    }

    [ProviderFact]
    public void NothingStoredAndNothingConfigured_IsAnEmptyPair() =>
        Assert.Equal("", stores.ZaloTokens(1).LoadOrSeed(new ZaloOptions()).RefreshToken);
}

public sealed class LiteZaloTokenStoreTests() : ZaloTokenStoreContract(TestStores.LiteDb());

public sealed class PostgresZaloTokenStoreTests() : ZaloTokenStoreContract(TestStores.Postgres()), INeedsPostgres;

/// <summary>With PostgreSQL the refresh lock is shared: an instance that wants to refresh waits for the one refreshing.</summary>
public sealed class PostgresZaloTokenLockTests
{
    [PostgresFact]
    public async Task TheRefreshLock_IsHeldByOneInstanceAtATime()
    {
        using var stores = TestStores.Postgres();
        var held = await stores.ZaloTokens(0).LockRefreshAsync(CancellationToken.None);
        var second = stores.ZaloTokens(1).LockRefreshAsync(CancellationToken.None);

        await Task.Delay(300);
        Assert.False(second.IsCompleted);

        await held.DisposeAsync();
        await using var next = await second.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
