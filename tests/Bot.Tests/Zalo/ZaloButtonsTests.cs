using AnToan.Bot.Channels.Zalo;
using AnToan.Bot.Tests.Quality;
using AnToan.Knowledge.Answers;

namespace AnToan.Bot.Tests.Zalo;

/// <summary>Issue 14, point 17: each channel gets the buttons that matter most within its limit. Zalo shows four:
/// an answer with three related questions keeps 👍 and 👎 and gives up a related question; the unsubscribe notice keeps
/// its subscribe button. The web and Bot Framework channels keep all five.</summary>
public sealed class ZaloButtonsTests
{
    [Fact]
    public async Task AnswerWithThreeRelatedQuestions_KeepsBothVotesOnZalo_AndAllButtonsElsewhere()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        string? question = null;
        List<string> all = [];
        foreach (var q in ReplyTests.OwnSet().Where(q => q.InScope))
        {
            all = (await new BotConversation(sut.Host.Client).SendAsync(q.Question)).Buttons.ToList();
            if (all.Count > ZaloMessages.MaxButtons) { question = q.Question; break; }
        }
        Assert.NotNull(question);
        Assert.Contains(AnswerComposer.ThumbsDown, all);

        var sent = await sut.TurnAsync("user-1", question);
        var buttons = sent[^1].Buttons.Select(b => (string)b["payload"]!).ToList();
        Assert.Equal(ZaloMessages.MaxButtons, buttons.Count);
        Assert.Equal([AnswerComposer.ThumbsUp, AnswerComposer.ThumbsDown], buttons[^2..]);
        Assert.Equal(all.Take(ZaloMessages.MaxButtons - 2), buttons.Take(ZaloMessages.MaxButtons - 2));
    }

    [Fact]
    public async Task Unsubscribed_KeepsItsSubscribeButtonOnZalo()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        var subscribe = sut.Replies.Content.Intents.Single(i => i.Id == "subscribe").Examples[0];
        var unsubscribe = sut.Replies.Content.Intents.Single(i => i.Id == "unsubscribe").Examples[0];
        var sent = await sut.TurnAsync("user-2", unsubscribe);
        Assert.Contains(subscribe, sent[^1].Buttons.Select(b => (string)b["payload"]!));
    }

}
