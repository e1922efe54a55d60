using AnToan.Bot.Admin;
using AnToan.Bot.Tests.Infrastructure;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>Dashboard sessions (<see cref="IAdminSessionStore"/>): what one instance adds or ends, the other sees.</summary>
public abstract class AdminSessionStoreContract(TestStores stores) : IDisposable
{
    private static readonly DateTimeOffset Now = TestStores.Start;

    public void Dispose() => stores.Dispose();

    [ProviderFact]
    public void ASessionAddedOnOne_IsFoundOnTheOther_UntilRemovedThere()
    {
        stores.Sessions(0).Add("hash-a", new AdminSession("a1b2c3", Now.AddHours(8)));

        Assert.Equal(new AdminSession("a1b2c3", Now.AddHours(8)), stores.Sessions(1).Find("hash-a"));
        Assert.Null(stores.Sessions(1).Find("hash-b"));

        stores.Sessions(1).Remove("hash-a");
        Assert.Null(stores.Sessions(0).Find("hash-a"));
    }

    [ProviderFact]
    public void RemoveExpired_ForgetsOnlyTheSessionsThatEnded()
    {
        stores.Sessions(0).Add("ended", new AdminSession("old", Now));
        stores.Sessions(0).Add("live", new AdminSession("new", Now.AddMinutes(1)));

        stores.Sessions(1).RemoveExpired(Now);

        Assert.Null(stores.Sessions(0).Find("ended"));
        Assert.Equal("new", stores.Sessions(0).Find("live")?.Id);
    }
}

public sealed class MemoryAdminSessionStoreTests() : AdminSessionStoreContract(TestStores.LiteDb());

public sealed class PostgresAdminSessionStoreTests() : AdminSessionStoreContract(TestStores.Postgres()), INeedsPostgres;
