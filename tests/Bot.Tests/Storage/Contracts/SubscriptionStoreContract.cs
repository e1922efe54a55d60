using AnToan.Bot.Announcements;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge.Calendar;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>Subscribed conversations (<see cref="ISubscriptionStore"/>).</summary>
public abstract class SubscriptionStoreContract(TestStores stores) : IDisposable
{
    public void Dispose() => stores.Dispose();

    private static ConversationReference Reference(string conversation, string serviceUrl = "https://smba.example/apac/") => new()
    {
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(id: conversation),
        Bot = new ChannelAccount("bot"),
    };

    [ProviderFact]
    public void ASubscription_MadeOnOneInstance_IsActiveOnAnother_WithEveryCategory()
    {
        stores.Subscriptions(0).Subscribe(Reference("c1"));

        var found = stores.Subscriptions(1).Find("msteams", "c1");

        Assert.NotNull(found);
        Assert.True(found.Active);
        Assert.Equal(CalendarCategories.All, found.Categories);
        Assert.Equal(stores.Time.GetUtcNow().UtcDateTime, found.SubscribedAt.ToUniversalTime());
        Assert.Equal("https://smba.example/apac/", Subscription.Deserialize(found).ServiceUrl);
        Assert.Equal(["c1"], stores.Subscriptions(1).Active().Select(s => s.ConversationId));
    }

    [ProviderFact]
    public void CategoriesTurnedOffOneByOne_EndTheSubscription_AtTheLast_KeepingItInAll()
    {
        var reference = Reference("c1");
        stores.Subscriptions().Subscribe(reference, [CalendarCategories.Deadline, CalendarCategories.Campaign]);

        var one = stores.Subscriptions(1).SetCategory(reference, CalendarCategories.Deadline, on: false);
        Assert.Equal([CalendarCategories.Campaign], one.Categories);
        var none = stores.Subscriptions(0).SetCategory(reference, CalendarCategories.Campaign, on: false);

        Assert.False(none.Active);
        Assert.Equal("user", none.EndedBy);
        Assert.Empty(stores.Subscriptions().Active());
        Assert.False(Assert.Single(stores.Subscriptions(1).All()).Active);
    }

    [ProviderFact]
    public void ACategoryTurnedOn_InAConversationNotSubscribed_SubscribesItToThatOneAlone()
    {
        var subscription = stores.Subscriptions().SetCategory(Reference("c2"), CalendarCategories.Election, on: true);

        Assert.True(subscription.Active);
        Assert.Equal([CalendarCategories.Election], stores.Subscriptions(1).Find("msteams", "c2")!.Categories);
    }

    [ProviderFact]
    public void Unsubscribe_EndsOnce_AndResubscribingStartsAgain()
    {
        var id = stores.Subscriptions().Subscribe(Reference("c1")).Id;

        Assert.True(stores.Subscriptions(0).Unsubscribe(id, "gone"));
        Assert.False(stores.Subscriptions(1).Unsubscribe(id, "user"));
        Assert.Equal("gone", stores.Subscriptions().Find("msteams", "c1")!.EndedBy);

        stores.Time.Advance(TimeSpan.FromDays(1));
        var again = stores.Subscriptions(1).Subscribe(Reference("c1"));
        Assert.True(again.Active);
        Assert.Null(again.EndedAt);
        Assert.Equal(stores.Time.GetUtcNow().UtcDateTime, stores.Subscriptions(0).Find("msteams", "c1")!.SubscribedAt.ToUniversalTime());
    }

    [ProviderFact]
    public void Refresh_KeepsTheReferenceCurrent()
    {
        stores.Subscriptions().Subscribe(Reference("c1"));

        stores.Subscriptions(1).Refresh(Reference("c1", "https://smba.example/emea/"));
        stores.Subscriptions(1).Refresh(Reference("unknown"));

        Assert.Equal("https://smba.example/emea/", Subscription.Deserialize(stores.Subscriptions(0).Find("msteams", "c1")!).ServiceUrl);
        Assert.Null(stores.Subscriptions().Find("msteams", "unknown"));
    }
}

public sealed class LiteDbSubscriptionStoreTests() : SubscriptionStoreContract(TestStores.LiteDb());

public sealed class PostgresSubscriptionStoreTests() : SubscriptionStoreContract(TestStores.Postgres()), INeedsPostgres;
