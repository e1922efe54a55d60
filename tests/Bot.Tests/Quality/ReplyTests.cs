using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge.Text;

namespace AnToan.Bot.Tests.Quality;

/// <summary>What a user sees: small talk answered kindly, a replaced regulation named with what replaced it,
/// sources and feedback buttons under answers.</summary>
public sealed class ReplyTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Quality", "reply-cases.tsv"))
                     .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')))
            data.Add(c[0], c[1]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ask_RepliesWith(string message, string expected)
    {
        await using var host = await TestBotHost.StartAsync();
        var turn = await new BotConversation(host.Client).SendAsync(message);
        Assert.Contains(VietnameseText.Fold(expected), VietnameseText.Fold(turn.Text));
    }

    public static TheoryData<string, string, string, string> ScopeCases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var c in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Quality", "scope-cases.tsv"))
                     .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')))
            data.Add(c[0], c[1], c[2], c[3]);
        return data;
    }

    [Theory]
    [MemberData(nameof(ScopeCases))]
    public async Task Ask_AnswersWhatWasAskedOrNothing(string message, string answered, string expected, string unexpected)
    {
        await using var host = await TestBotHost.StartAsync();
        var turn = await new BotConversation(host.Client).SendAsync(message);
        var reply = VietnameseText.Fold(turn.Text);
        if (answered != "-") Assert.True(turn.Answered == (answered == "yes"), turn.Text);
        if (expected != "-") Assert.Contains(VietnameseText.Fold(expected), reply);
        if (unexpected != "-") Assert.DoesNotContain(VietnameseText.Fold(unexpected), reply);
    }

    /// <summary>Two questions in one message, both known: both answered, each with its own source.</summary>
    [Theory]
    [InlineData("hạn nộp hồ sơ và ai công nhận", "01/12/2021", "Ủy ban nhân dân")]
    public async Task Ask_TwoQuestionsInOne_AnswersBothWithTheirSources(string message, string first, string second)
    {
        await using var host = await TestBotHost.StartAsync();
        var turn = await new BotConversation(host.Client).SendAsync(message);
        var reply = VietnameseText.Fold(turn.Text);
        Assert.True(turn.Answered);
        Assert.Contains(VietnameseText.Fold(first), reply);
        Assert.Contains(VietnameseText.Fold(second), reply);
        Assert.True(reply.IndexOf(VietnameseText.Fold(first)) < reply.IndexOf(VietnameseText.Fold(second)), turn.Text);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(turn.Text, "Nguồn:").Count);
    }

    [Fact]
    public async Task Answer_OffersFeedbackAndRelatedQuestionsThatAreAnsweredInTurn()
    {
        await using var host = await TestBotHost.StartAsync();
        var conversation = new BotConversation(host.Client);
        Turn? answer = null;
        foreach (var q in OwnSet().Where(q => q.InScope).Take(10))
        {
            answer = await conversation.SendAsync(q.Question);
            if (answer.Answered && answer.Buttons.Count() > 2) break;
        }

        Assert.True(answer!.Answered);
        var buttons = answer.Buttons.ToList();
        Assert.Contains("👍", buttons);
        Assert.Contains("👎", buttons);
        var related = buttons.Where(b => b is not ("👍" or "👎")).ToList();
        Assert.InRange(related.Count, 1, 3);
        foreach (var r in related) Assert.True((await conversation.SendAsync(r)).Answered, r);
    }

    [Fact]
    public async Task Small_talk_is_not_traced_as_a_question()
    {
        await using var host = await TestBotHost.StartAsync();
        var greeting = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Quality", "reply-cases.tsv"))
            .First(l => l.Length > 0 && !l.StartsWith('#') && l.Contains("trợ lý")).Split('\t')[0];
        var turn = await new BotConversation(host.Client).SendAsync(greeting);
        Assert.Null(turn.Trace);
        Assert.NotEmpty(turn.Text);
    }

    internal static IReadOnlyList<EvalQuestion> OwnSet() =>
        EvalQuestion.Load(Path.Combine(EvalQuestion.RepositoryRoot(), "tests", "Knowledge.Tests", "eval", "qa-own.tsv"));
}
