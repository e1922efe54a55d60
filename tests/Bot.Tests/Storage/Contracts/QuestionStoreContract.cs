using AnToan.Bot.Admin;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>The question log and the votes on answers (<see cref="IQuestionStore"/>): what the dashboard's questions
/// view and the retention read.</summary>
public abstract class QuestionStoreContract(TestStores stores) : IDisposable
{
    public void Dispose() => stores.Dispose();

    private DateTimeOffset Now => stores.Time.GetUtcNow();

    /// <summary>Records as the middleware does: flushed before awaited (LiteDB commits with the next group commit).</summary>
    internal static async Task AskAsync(IQuestionStore store, AskedQuestion question)
    {
        var recorded = store.RecordAsync(question);
        await store.FlushAsync();
        await recorded.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [ProviderFact]
    public async Task AQuestionLoggedOnOneInstance_IsListedOnAnother_OldestFirst_FromTheDateAsked()
    {
        await AskAsync(stores.Questions(0), new AskedQuestion("Hạn nộp báo cáo?", true, "p-1", "msteams", Now.AddDays(-8)));
        await AskAsync(stores.Questions(1), new AskedQuestion("Giá vàng hôm nay?", false, null, "webchat", Now.AddMinutes(-1)));
        await AskAsync(stores.Questions(0), new AskedQuestion("Ai phụ trách?", true, "p-2", "zalo", Now.AddDays(-2)));

        var listed = stores.Questions(1).Questions(Now.AddDays(-7));

        Assert.Equal(
            [new AskedQuestion("Ai phụ trách?", true, "p-2", "zalo", Now.AddDays(-2)), new AskedQuestion("Giá vàng hôm nay?", false, null, "webchat", Now.AddMinutes(-1))],
            listed);
        Assert.Equal(3, stores.Questions(0).Questions(DateTimeOffset.MinValue).Count);
    }

    [ProviderFact]
    public async Task ALongQuestion_IsKeptCut()
    {
        await AskAsync(stores.Questions(), new AskedQuestion(new string('a', 2000), false, null, "webchat", Now));

        Assert.Equal(IQuestionStore.MaxText, Assert.Single(stores.Questions(1).Questions(Now.AddDays(-1))).Text.Length);
    }

    [ProviderFact]
    public async Task VotesUpAndDown_AreListedWithTheirQuestionAndAnswer_FromTheDateGiven()
    {
        await stores.Questions(0).RecordVoteAsync(new FeedbackVote("p-1", "Hạn nộp báo cáo?", false, "msteams", "c1", Now.AddDays(-30)), default);
        await stores.Questions(0).RecordVoteAsync(new FeedbackVote("p-1", "Hạn nộp báo cáo?", false, "msteams", "c1", Now.AddHours(-2)), default);
        await stores.Questions(1).RecordVoteAsync(new FeedbackVote("p-2", "Ai phụ trách?", true, "webchat", "c2", Now.AddHours(-1)), default);

        var votes = stores.Questions(1).Votes(Now.AddDays(-7)).OrderBy(v => v.At).ToList();

        Assert.Equal(
            [new AnswerVote("Hạn nộp báo cáo?", "p-1", false, Now.AddHours(-2)), new AnswerVote("Ai phụ trách?", "p-2", true, Now.AddHours(-1))],
            votes);
        Assert.Equal(3, stores.Questions(0).Votes(DateTimeOffset.MinValue).Count);
    }

    [ProviderFact]
    public async Task Prune_DeletesTheQuestionsAskedBefore_InBatches_AndKeepsTheRest()
    {
        for (var i = 0; i < 5; i++) await AskAsync(stores.Questions(), new AskedQuestion($"old {i}", true, null, "webchat", Now.AddDays(-400)));
        await AskAsync(stores.Questions(), new AskedQuestion("recent", true, null, "webchat", Now.AddDays(-10)));

        Assert.Equal(5, await stores.Questions(1).PruneAsync(Now.AddDays(-365), batchSize: 2));

        Assert.Equal(["recent"], stores.Questions(0).Questions(DateTimeOffset.MinValue).Select(q => q.Text));
        Assert.Equal(0, await stores.Questions(0).PruneAsync(Now.AddDays(-365), batchSize: 2));
    }
}

public sealed class LiteDbQuestionStoreTests() : QuestionStoreContract(TestStores.LiteDb());

public sealed class PostgresQuestionStoreTests() : QuestionStoreContract(TestStores.Postgres()), INeedsPostgres;
