using AnToan.Bot.Channels.WebChat;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>Web chat conversations and transcripts (<see cref="IWebChatStore"/>): what one instance wrote, the other reads.</summary>
public abstract class WebChatStoreContract(TestStores stores) : IDisposable
{
    private static readonly DateTimeOffset Now = TestStores.Start;

    public void Dispose() => stores.Dispose();

    [ProviderFact]
    public void AConversationCreatedOnOne_IsFoundOnTheOther_ByItsExactIdOnly()
    {
        var created = stores.WebChat(0).Create("user-1", "Lan", Now);

        var found = stores.WebChat(1).Find(created.Id);
        Assert.NotNull(found);
        Assert.Equal((created.Id, "user-1", "Lan", Now.UtcDateTime), (found.Id, found.UserId, found.UserName, found.CreatedUtc));
        Assert.True(WebChatStore.IsValidId(created.Id));
        Assert.Null(stores.WebChat(1).Find(created.Id.ToUpperInvariant()));
        Assert.Null(stores.WebChat(1).Find(WebChatStore.NewId()));
        Assert.Null(stores.WebChat(1).Find(null));
        Assert.Null(stores.WebChat(1).Find("' OR 1=1 --"));
        Assert.Null(stores.WebChat(0).Create("user-2", null, Now).UserName);
    }

    [ProviderFact]
    public void TheTranscript_KeepsTheLastActivities_OldestFirst_WhicheverInstanceWroteThem()
    {
        var a = stores.WebChat(0).Create("user-1", null, Now).Id;
        var b = stores.WebChat(0).Create("user-2", null, Now).Id;
        var total = WebChatStore.TranscriptLength + 5;
        for (var i = 0; i < total; i++) stores.WebChat(i % 2).Append(Message(a, $"message {i}"));
        stores.WebChat(1).Append(Message(b, "other conversation"));

        var history = stores.WebChat(1).History(a).Select(j => (string?)JObject.Parse(j)["text"]).ToList();
        Assert.Equal(Enumerable.Range(5, WebChatStore.TranscriptLength).Select(i => $"message {i}"), history);
        Assert.Equal(["other conversation"], stores.WebChat(0).History(b).Select(j => (string?)JObject.Parse(j)["text"]));
        Assert.Empty(stores.WebChat(0).History(WebChatStore.NewId()));
    }

    [ProviderFact]
    public void AnActivity_RoundTripsEveryField()
    {
        var id = stores.WebChat(0).Create("user-1", null, Now).Id;
        var activity = Message(id, "Xin chào");
        activity.Value = new JObject { ["action"] = "join", ["code"] = "ABC123" };
        activity.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "Có", value: "có")] };
        stores.WebChat(0).Append(activity);

        var stored = JObject.Parse(Assert.Single(stores.WebChat(1).History(id)));
        Assert.True(JToken.DeepEquals(JObject.Parse(WebChatStore.Serialize(activity)), stored));
        Assert.Equal("Xin chào", (string?)stored["text"]);
        Assert.Equal("ABC123", (string?)stored["value"]!["code"]);
        Assert.Equal("có", (string?)stored["suggestedActions"]!["actions"]![0]!["value"]);
    }

    private static Activity Message(string conversationId, string text) => new(ActivityTypes.Message)
    {
        Id = Guid.NewGuid().ToString("N"),
        Text = text,
        Conversation = new ConversationAccount(id: conversationId),
    };
}

public sealed class LiteWebChatStoreTests() : WebChatStoreContract(TestStores.LiteDb());

public sealed class PostgresWebChatStoreTests() : WebChatStoreContract(TestStores.Postgres()), INeedsPostgres;
