using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Quality;

/// <summary>The answerer the dialog engine calls for a question asked in the middle of a dialog.</summary>
public sealed class QuestionAnswererTests
{
    [Fact]
    public async Task TryAnswer_AnswersWhatTheKnowledgeKnows_AndOnlyTracesTheRest()
    {
        await using var host = await TestBotHost.StartAsync();
        var sut = host.App.Services.GetRequiredService<IQuestionAnswerer>();
        var own = ReplyTests.OwnSet();

        var (answered, answerReplies) = await AskAsync(sut, own.First(q => q.InScope).Question);
        var (declined, declineReplies) = await AskAsync(sut, own.First(q => !q.InScope).Question);

        Assert.True(answered);
        Assert.Contains(answerReplies, a => a.Type == ActivityTypes.Message);
        Assert.False(declined);
        Assert.Equal([ActivityTypes.Trace], declineReplies.Select(a => a.Type));
    }

    private static async Task<(bool Answered, List<IActivity> Replies)> AskAsync(IQuestionAnswerer sut, string question)
    {
        var adapter = new TestAdapter(Microsoft.Bot.Connector.Channels.Emulator) { EnableTrace = true };
        var activity = adapter.MakeActivity(question);
        activity.ChannelId = Microsoft.Bot.Connector.Channels.Emulator;
        using var turn = new TurnContext(adapter, activity);
        var answered = await sut.TryAnswerAsync(turn, question, CancellationToken.None);
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply) replies.Add(reply);
        return (answered, replies);
    }
}
