using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs.Throttling;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>Throttle and rate-limit counters (<see cref="IThrottleCounters"/>): counts from two instances at once all
/// land in one window per scope and key.</summary>
public abstract class ThrottleCountersContract(TestStores stores) : IDisposable
{
    private static readonly DateTimeOffset Now = TestStores.Start;
    private static readonly TimeSpan Length = TimeSpan.FromMinutes(5);

    public void Dispose() => stores.Dispose();

    [ProviderFact]
    public async Task CountsRacingFromTwoInstances_AreAllKept()
    {
        var counts = await TestStores.RaceAsync(40, i => stores.Throttles(i % 2).Count("login", "203.0.113.7", Now, Length).Count);

        Assert.Equal(Enumerable.Range(1, 40), counts.Order());
        var window = stores.Throttles(0).Find("login", "203.0.113.7")!;
        Assert.Equal((Now, Now + Length, 40), (window.Start, window.End, window.Count));
    }

    [ProviderFact]
    public void AWindow_HoldsUntilItsEnd_ThenACountOpensANewOne_ThatTellsTheRefusalsBefore()
    {
        stores.Throttles(0).Count("login", "a", Now, Length);
        Assert.Equal(1, stores.Throttles(1).Refuse("login", "a", Now.AddMinutes(1), Length, 5));
        Assert.Equal(2, stores.Throttles(0).Refuse("login", "a", Now.AddMinutes(2), Length, 5));

        var inWindow = stores.Throttles(1).Count("login", "a", Now.AddMinutes(4), Length);
        Assert.Equal((Now, 2, 2, 0), (inWindow.Start, inWindow.Count, inWindow.Refused, inWindow.Closed));

        var next = stores.Throttles(0).Count("login", "a", Now + Length, Length);
        Assert.Equal((Now + Length, 1, 0, 2), (next.Start, next.Count, next.Refused, next.Closed));
    }

    [ProviderFact]
    public void ScopesAndKeys_AreCountedApart_AndForgetTellsTheRefusals()
    {
        stores.Throttles(0).Count("login", "a", Now, Length);
        stores.Throttles(0).Count("login", "a", Now, Length);
        stores.Throttles(0).Count("join-address", "a", Now, Length);
        stores.Throttles(0).Refuse("login", "a", Now, Length, 5);

        Assert.Equal(2, stores.Throttles(1).Find("login", "a")?.Count);
        Assert.Equal(1, stores.Throttles(1).Find("join-address", "a")?.Count);
        Assert.Null(stores.Throttles(1).Find("login", "b"));

        Assert.Equal(1, stores.Throttles(1).Forget("login", "a"));
        Assert.Null(stores.Throttles(0).Find("login", "a"));
        Assert.Equal(0, stores.Throttles(0).Forget("login", "a"));
        Assert.NotNull(stores.Throttles(0).Find("join-address", "a"));
    }

    [ProviderFact]
    public void ARefusalOfAForgottenKey_OpensAWindowHoldingTheLimit()
    {
        Assert.Equal(1, stores.Throttles(0).Refuse("login", "a", Now, Length, 5));

        var window = stores.Throttles(1).Find("login", "a")!;
        Assert.Equal((Now, Now + Length, 5, 1), (window.Start, window.End, window.Count, window.Refused));
    }
}

public sealed class MemoryThrottleCountersTests() : ThrottleCountersContract(TestStores.LiteDb());

public sealed class PostgresThrottleCountersTests() : ThrottleCountersContract(TestStores.Postgres()), INeedsPostgres;
