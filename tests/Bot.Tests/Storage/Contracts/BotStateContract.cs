using AnToan.Bot.Storage;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>Bot state (<see cref="IStorage"/>): what every provider must do.</summary>
public abstract class BotStateContract(TestStores stores) : IDisposable
{
    public void Dispose() => stores.Dispose();

    [ProviderFact]
    public async Task AValueWritten_IsReadBack_ByAnotherInstance_AsItsType()
    {
        var saved = new Dictionary<string, object> { ["conv/1"] = new Dictionary<string, object> { ["step"] = 3L, ["day"] = "2021-12-01" } };
        await stores.State(0).WriteAsync(saved);

        var read = await stores.State(1).ReadAsync(["conv/1", "missing"]);

        var value = Assert.IsType<Dictionary<string, object>>(Assert.Single(read).Value);
        Assert.Equal(3L, value["step"]);
        Assert.Equal("2021-12-01", value["day"]);
    }

    [ProviderFact]
    public async Task Keys_AreCaseSensitive()
    {
        await stores.State().WriteAsync(new Dictionary<string, object> { ["Conv"] = new StoreItem { Text = "upper" }, ["conv"] = new StoreItem { Text = "lower" } });

        var read = await stores.State().ReadAsync(["Conv", "conv"]);

        Assert.Equal("upper", ((StoreItem)read["Conv"]).Text);
        Assert.Equal("lower", ((StoreItem)read["conv"]).Text);
    }

    [ProviderFact]
    public async Task TwoInstancesWritingFromOneRead_TheSecondIsRefused_AndTheFirstWriteStays()
    {
        await stores.State(0).WriteAsync(new Dictionary<string, object> { ["k"] = new StoreItem { Text = "v1" } });
        var onA = (StoreItem)(await stores.State(0).ReadAsync(["k"]))["k"];
        var onB = (StoreItem)(await stores.State(1).ReadAsync(["k"]))["k"];
        Assert.False(string.IsNullOrEmpty(onA.ETag));

        onA.Text = "from A";
        await stores.State(0).WriteAsync(new Dictionary<string, object> { ["k"] = onA });
        onB.Text = "from B";
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            stores.State(1).WriteAsync(new Dictionary<string, object> { ["other"] = new StoreItem { Text = "x" }, ["k"] = onB }));

        var read = await stores.State(1).ReadAsync(["k", "other"]);
        Assert.Equal("from A", ((StoreItem)read["k"]).Text);
        Assert.False(read.ContainsKey("other")); // nothing of a refused batch is written
    }

    [ProviderFact]
    public async Task AnItemWithEtagStar_OrNone_IsWrittenWhateverIsStored()
    {
        await stores.State().WriteAsync(new Dictionary<string, object> { ["k"] = new StoreItem { Text = "v1" } });
        await stores.State().WriteAsync(new Dictionary<string, object> { ["k"] = new StoreItem { Text = "v2", ETag = "*" } });
        Assert.Equal("v2", ((StoreItem)(await stores.State().ReadAsync(["k"]))["k"]).Text);
        await stores.State().WriteAsync(new Dictionary<string, object> { ["k"] = new StoreItem { Text = "v3" } });
        Assert.Equal("v3", ((StoreItem)(await stores.State().ReadAsync(["k"]))["k"]).Text);
    }

    [ProviderFact]
    public async Task ADeletedKey_IsGone()
    {
        await stores.State().WriteAsync(new Dictionary<string, object> { ["a"] = new StoreItem { Text = "x" }, ["b"] = new StoreItem { Text = "y" } });
        await stores.State().DeleteAsync(["a"]);
        Assert.Equal(["b"], (await stores.State().ReadAsync(["a", "b"])).Keys);
    }

    /// <summary>Retention: conversation state whose last message turn is older than the cut-off goes, in batches;
    /// recent conversations, conversations with no stamp and user state stay, and a read after it finds nothing.</summary>
    [ProviderFact]
    public async Task Conversations_InactiveSinceBeforeTheCutOff_ArePruned_OtherStateStays()
    {
        var now = stores.Time.GetUtcNow();
        await stores.State().WriteAsync(new Dictionary<string, object>
        {
            ["msteams/conversations/old-1"] = ConversationStateAt(now.AddDays(-200)),
            ["msteams/conversations/old-2"] = ConversationStateAt(now.AddDays(-181)),
            ["webchat/conversations/old-3"] = ConversationStateAt(now.AddYears(-2)),
            ["msteams/conversations/recent"] = ConversationStateAt(now.AddDays(-179)),
            ["msteams/conversations/unstamped"] = new Dictionary<string, object> { ["DialogState"] = "x" },
            ["msteams/users/someone"] = ConversationStateAt(now.AddYears(-2)),
        });
        string[] keys = ["msteams/conversations/old-1", "msteams/conversations/old-2", "webchat/conversations/old-3",
            "msteams/conversations/recent", "msteams/conversations/unstamped", "msteams/users/someone"];
        Assert.Equal(6, (await stores.State().ReadAsync(keys)).Count); // read once: cached where the storage caches

        var pruned = await ((IConversationPruning)stores.State(1)).PruneConversationsAsync(now.AddDays(-180), batchSize: 2);

        Assert.Equal(3, pruned);
        Assert.Equal(["msteams/conversations/recent", "msteams/conversations/unstamped", "msteams/users/someone"],
            (await stores.State(0).ReadAsync(keys)).Keys.Order());
        Assert.Equal(0, await ((IConversationPruning)stores.State(1)).PruneConversationsAsync(now.AddDays(-180), batchSize: 2));
    }

    /// <summary>Conversation state as the bot saves it: the SDK's property bag with the activity stamp in it.</summary>
    private static Dictionary<string, object> ConversationStateAt(DateTimeOffset lastActivity) => new()
    {
        [nameof(ConversationActivity)] = new ConversationActivity(3, lastActivity),
        ["DialogState"] = new Dictionary<string, object> { ["step"] = 1L },
    };

    public sealed class StoreItem : IStoreItem
    {
        public string Text { get; set; } = "";
        public string ETag { get; set; } = "";
    }
}

public sealed class LiteDbBotStateTests() : BotStateContract(TestStores.LiteDb());

public sealed class PostgresBotStateTests() : BotStateContract(TestStores.Postgres()), INeedsPostgres;
