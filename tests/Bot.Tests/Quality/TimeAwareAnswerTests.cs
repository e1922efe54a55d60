using System.Globalization;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Quality;

/// <summary>Answers that depend on today (Bot:TimeZone, from the injected clock): days left to a deadline, a
/// deadline said to be past, the month's observances.</summary>
public sealed class TimeAwareAnswerTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var c in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Quality", "time-cases.tsv"))
                     .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')))
            data.Add(c[0], c[1], c[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ask_OnDate_AnswersRelativeToToday(string question, string date, string expected)
    {
        // 10:00 in Asia/Ho_Chi_Minh (UTC+7) on the given day.
        var now = DateTimeOffset.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).AddHours(3);
        var clock = new FakeTimeProvider(now);
        await using var host = await TestBotHost.StartAsync(clock: clock);

        var turn = await new BotConversation(host.Client).SendAsync(question);

        Assert.True(turn.Answered, turn.Text);
        Assert.Contains(VietnameseText.Fold(expected), VietnameseText.Fold(turn.Text));
    }
}
