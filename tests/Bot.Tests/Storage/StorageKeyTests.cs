using AnToan.Bot.Announcements;
using AnToan.Bot.Storage;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Storage;

/// <summary>Keys made of outside ids stay under LiteDB's index limit (1,023 bytes) however long the ids are.</summary>
public sealed class StorageKeyTests
{
    [Fact]
    public void ShortKeys_StayAsTheyAre_LongOnesBecomeAStableHash()
    {
        Assert.Equal("msteams|a:conversation", StorageKey.Of("msteams|a:conversation"));
        var longKey = "msteams|" + new string('đ', 3000);
        Assert.Equal(StorageKey.Of(longKey), StorageKey.Of(longKey));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(StorageKey.Of(longKey)) < 100);
        Assert.NotEqual(StorageKey.Of(longKey), StorageKey.Of(longKey + "x"));
    }

    [Fact]
    public void ASubscription_OfAConversationIdOverAKilobyte_IsStoredAndFound()
    {
        using var db = StorageServices.Open(new MemoryStream());
        var store = new LiteSubscriptionStore(db, new FakeTimeProvider(new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        var conversationId = new string('c', 3000);
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "http://127.0.0.1:1/",
            Conversation = new ConversationAccount(id: conversationId),
        };

        var subscription = store.Subscribe(reference);

        Assert.Equal(conversationId, store.Find("msteams", conversationId)?.ConversationId);
        Assert.True(store.Unsubscribe(subscription.Id, "user"));
    }
}
