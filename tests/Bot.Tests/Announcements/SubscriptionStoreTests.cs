using AnToan.Bot.Announcements;
using AnToan.Bot.Storage;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Tests.Announcements;

/// <summary>"Not subscribed" is remembered (every message asks), never past a subscription.</summary>
public sealed class SubscriptionStoreTests
{
    [Fact]
    public async Task AConversationFoundUnsubscribed_IsFoundOnceItSubscribes_EvenWhileOthersAsk()
    {
        using var db = StorageServices.Open(new MemoryStream());
        var store = new LiteSubscriptionStore(db, TimeProvider.System);
        var reference = new ConversationReference
        {
            ChannelId = "msteams", ServiceUrl = "http://127.0.0.1:1", Conversation = new ConversationAccount { Id = "c-1" },
            Bot = new ChannelAccount { Id = "bot" }, User = new ChannelAccount { Id = "u" },
        };
        Assert.Null(store.Find("msteams", "c-1"));

        using var stop = new CancellationTokenSource();
        var askers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) store.Find("msteams", "c-1");
        })).ToList();
        store.Subscribe(reference);
        Assert.True(store.Find("msteams", "c-1") is { Active: true });
        store.SetCategory(reference, AnToan.Knowledge.Calendar.CalendarCategories.Election, on: false);
        await stop.CancelAsync();
        await Task.WhenAll(askers);

        Assert.True(store.Find("msteams", "c-1") is { Active: true });
    }
}
