using AnToan.Bot.Admin;
using AnToan.Bot.Storage;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static AnToan.Bot.Tests.Storage.ConversationTraffic;

namespace AnToan.Bot.Tests.Storage;

/// <summary>Conversation state and the question log are kept for Storage:ConversationRetentionDays and
/// Admin:QuestionRetentionDays (180 and 365 by default), then pruned in the background.</summary>
public sealed class RetentionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 3, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly LiteDB.LiteDatabase _db = StorageServices.Open(new MemoryStream());
    private readonly LiteDbWriter _writer;
    private readonly LiteDbStorage _storage;
    private readonly LiteQuestionStore _questions;

    public RetentionTests()
    {
        _writer = new LiteDbWriter(_db, null);
        _storage = new LiteDbStorage(_db, _writer);
        _questions = new LiteQuestionStore(_db, _writer);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _db.Dispose();
    }

    private RetentionService Service(int conversationDays = 180, int questionDays = 365) =>
        new(_storage, _questions, new RetentionOptions(conversationDays, questionDays), _time, NullLogger<RetentionService>.Instance);

    private Task AskAsync(string text) =>
        Contracts.QuestionStoreContract.AskAsync(_questions, new AskedQuestion(text, true, null, "msteams", _time.GetUtcNow()));

    private Task SaveConversationAsync(string id) => _storage.WriteAsync(new Dictionary<string, object>
    {
        [$"msteams/conversations/{id}"] = new Dictionary<string, object> { [nameof(ConversationActivity)] = new ConversationActivity(1, _time.GetUtcNow()) },
    });

    private async Task<string[]> ConversationsAsync() =>
        [.. (await _storage.ReadAsync(["msteams/conversations/old", "msteams/conversations/recent"])).Keys.Order()];

    private string[] Questions() => [.. _questions.Questions(DateTimeOffset.MinValue).Select(q => q.Text)];

    [Fact]
    public async Task OldConversationsAndQuestions_AreDeleted_RecentOnesStay()
    {
        await SaveConversationAsync("old");
        await AskAsync("old question");
        _time.Advance(TimeSpan.FromDays(100));
        await SaveConversationAsync("recent");
        await AskAsync("recent question");

        _time.Advance(TimeSpan.FromDays(90)); // the old conversation is 190 days old, the recent one 90
        await Service().PruneAsync();
        Assert.Equal(["msteams/conversations/recent"], await ConversationsAsync());
        Assert.Equal(["old question", "recent question"], Questions());

        _time.Advance(TimeSpan.FromDays(180)); // the old question is 370 days old, the recent one 270
        await Service().PruneAsync();
        Assert.Equal(["recent question"], Questions());
        Assert.Empty(await ConversationsAsync());
    }

    [Fact]
    public async Task QuestionsArePruned_InBatches()
    {
        var recorded = Enumerable.Range(0, RetentionService.BatchSize * 2 + 10)
            .Select(i => _questions.RecordAsync(new AskedQuestion($"q{i}", true, null, "msteams", Start))).ToList();
        await _questions.FlushAsync();
        await Task.WhenAll(recorded);
        _time.Advance(TimeSpan.FromDays(1));
        await AskAsync("today");

        Assert.Equal(RetentionService.BatchSize * 2 + 10, await _questions.PruneAsync(Start.AddHours(1), RetentionService.BatchSize));
        Assert.Equal(["today"], Questions());
    }

    [Fact]
    public async Task ZeroDays_KeepsForever()
    {
        await SaveConversationAsync("old");
        await AskAsync("old question");
        _time.Advance(TimeSpan.FromDays(3650));

        await Service(conversationDays: 0, questionDays: 0).PruneAsync();

        Assert.Equal(["msteams/conversations/old"], await ConversationsAsync());
        Assert.Equal(["old question"], Questions());
    }

    [Fact]
    public async Task TheHost_PrunesAConversationInactiveLongerThanTheSetting_AfterStart()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestBotHost.StartAsync(settings: ["Storage:ConversationRetentionDays=30"], clock: clock);
        Assert.True(await SendAsync(host.Client, "quiet-conv", "xin chào"));
        clock.Advance(TimeSpan.FromDays(20));
        Assert.True(await SendAsync(host.Client, "busy-conv", "xin chào"));
        var storage = host.App.Services.GetRequiredService<IStorage>();

        clock.Advance(TimeSpan.FromDays(11)); // past the first run: quiet-conv is 31 days old, busy-conv 11
        for (var i = 0; i < 200 && await ReadActivityAsync(storage, "quiet-conv") is not null; i++)
        {
            await Task.Delay(25);
            clock.Advance(TimeSpan.FromHours(1)); // a run that had not yet waited for its next day when the clock jumped
        }

        Assert.Null(await ReadActivityAsync(storage, "quiet-conv"));
        Assert.NotNull(await ReadActivityAsync(storage, "busy-conv"));
    }
}
