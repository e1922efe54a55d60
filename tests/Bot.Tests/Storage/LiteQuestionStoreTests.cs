using AnToan.Bot.Admin;
using AnToan.Bot.Storage;
using LiteDB;

namespace AnToan.Bot.Tests.Storage;

/// <summary>The LiteDB question log finds questions by time through its id index: questions of a file written before
/// (ids stamped when written, an index on At) are listed and pruned like new ones.</summary>
public sealed class LiteQuestionStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = Contracts.TestStores.Start;

    private readonly LiteDatabase _db = StorageServices.Open(new MemoryStream());
    private readonly LiteDbWriter _writer;

    public LiteQuestionStoreTests() => _writer = new LiteDbWriter(_db, null);

    public void Dispose()
    {
        _writer.Dispose();
        _db.Dispose();
    }

    /// <summary>A question as the store wrote it before: its id made when it was written, a little after it was asked.</summary>
    private void WriteTheOldWay(string text, DateTimeOffset at)
    {
        var written = at.AddMilliseconds(700);
        var unique = ObjectId.NewObjectId();
        var questions = _db.GetCollection(LiteQuestionStore.QuestionsCollection);
        questions.EnsureIndex("At");
        questions.Insert(new BsonDocument
        {
            ["_id"] = new ObjectId((int)written.ToUnixTimeSeconds(), unique.Machine, unique.Pid, unique.Increment),
            ["Text"] = text, ["Answered"] = true, ["AnswerId"] = "p-1", ["ChannelId"] = "webchat", ["At"] = at.UtcDateTime,
        });
    }

    private static Task AskAsync(LiteQuestionStore store, string text, DateTimeOffset at) =>
        Contracts.QuestionStoreContract.AskAsync(store, new AskedQuestion(text, true, "p-1", "webchat", at));

    [Fact]
    public async Task QuestionsOfAnOlderFile_AreListedAndPrunedByTime_WithNewOnes_ToTheSecond()
    {
        WriteTheOldWay("old, a year ago", Now.AddDays(-400));
        WriteTheOldWay("old, at the second before", Now.AddSeconds(-1).AddMilliseconds(500));
        WriteTheOldWay("old, just after", Now.AddMilliseconds(200));
        var store = new LiteQuestionStore(_db, _writer);
        await AskAsync(store, "new, just before", Now.AddMilliseconds(-1));
        await AskAsync(store, "new, at the instant", Now);
        await AskAsync(store, "new, later", Now.AddMinutes(5));

        Assert.Equal(["new, at the instant", "old, just after", "new, later"], store.Questions(Now).Select(q => q.Text));
        Assert.Equal(6, store.Questions(DateTimeOffset.MinValue).Count);

        Assert.Equal(1, await store.PruneAsync(Now.AddDays(-365), batchSize: 10));
        Assert.Equal(5, store.Questions(DateTimeOffset.MinValue).Count);
        Assert.DoesNotContain(_db.GetCollection("$indexes").FindAll(), i => i["collection"] == LiteQuestionStore.QuestionsCollection && i["name"] == "At");
    }
}
