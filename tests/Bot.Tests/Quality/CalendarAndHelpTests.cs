using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge.Answers;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Quality;

/// <summary>Issue 14, points 11 and 12: the help names every command; a calendar list has nothing to rate; an empty
/// month offers the next dates.</summary>
public sealed class CalendarAndHelpTests
{
    [Fact]
    public async Task EmptyMonth_OffersTheNextDates_WithoutFeedbackButtons()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        await using var host = await TestBotHost.StartAsync(clock: clock);
        var turn = await new BotConversation(host.Client).SendAsync("lịch tháng này");
        Assert.Contains("11/2026", turn.Text);
        Assert.Matches(@"\n- \*\*.+\*\* — \d\d/\d\d/2027", turn.Text);
        Assert.DoesNotContain(AnswerComposer.ThumbsUp, turn.Buttons);
        Assert.DoesNotContain(AnswerComposer.ThumbsUp, (await new BotConversation(host.Client).SendAsync("sắp tới có gì")).Buttons);
    }

    /// <summary>A day named with its month ("ngày 5 tháng 3", "mùng 5 tháng 3") asks about that month, not this one.</summary>
    [Theory]
    [InlineData("ngày 5 tháng 3 có hoạt động gì")]
    [InlineData("mùng 5 tháng 3 có hoạt động gì")]
    [InlineData("mung 5 thang 3 co hoat dong gi")]
    public async Task ADayOfAMonth_ListsThatMonth(string question)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        await using var host = await TestBotHost.StartAsync(clock: clock);
        var turn = await new BotConversation(host.Client).SendAsync(question);
        Assert.Contains("3/2027", turn.Text);
        Assert.DoesNotContain("11/2026", turn.Text);
    }

    [Fact]
    public async Task Help_NamesEveryCommand()
    {
        await using var host = await TestBotHost.StartAsync();
        var help = (await new BotConversation(host.Client).SendAsync("trợ giúp")).Text;
        foreach (var command in new[] { "xuất báo cáo", "tham gia", "lịch tháng này", "sắp tới", "hủy", "tạm dừng", "tiếp tục", "quay lại", "hủy đăng ký" })
            Assert.Contains(command, help);
    }
}
