namespace AnToan.Bot.Tests.Dialogs;

/// <summary>Issue 14, point 1: inside any question of a list, a command or a question the knowledge answers is served,
/// then the bot offers to go back ("Quay lại việc 3/16?"); the question's own answers still win.</summary>
public sealed class InterruptionEndToEndTests
{
    [Fact]
    public async Task InTheAssessment_QuestionsAreAnswered_AndTheDialogWaits()
    {
        await using var host = await DialogHost.StartAsync(DialogHost.NewClock());
        var chat = new ChatClient(host.Client, "an", "conv-an");
        await DialogHost.CreateUnitAsync(chat, "Công ty Minh Phát");
        Assert.Contains("1/", await chat.AskAsync("tự đánh giá"));
        foreach (var question in new[] { "tieu chuan an toan antt doi voi truong hoc", "pccc la gi", "han nop ho so cong nhan" })
        {
            var replies = await chat.SayAsync(question);
            Assert.True(replies.Count >= 2, string.Join("\n", replies));
            Assert.StartsWith("Quay lại tiêu chí 1/", replies[^1]);
        }
        var resumed = await chat.AskAsync("có");
        Assert.Contains("Tiêu chí 1/", resumed);
        Assert.Contains("Tiêu chí 2/", string.Join("\n", await chat.SayAsync("đạt")));
    }

    [Fact]
    public async Task InTheChecklist_CommandsAreServed_AndTheGuideButtonIsNotReadInsideAQuestion()
    {
        await using var host = await DialogHost.StartAsync(DialogHost.NewClock());
        var chat = new ChatClient(host.Client, "an", "conv-an");
        await DialogHost.CreateUnitAsync(chat, "Công ty Minh Phát");
        Assert.Contains(DialogHost.Item(host, 1), await chat.AskAsync("danh mục việc cần làm"));
        var asked = await chat.SayAsync("ai ban hanh huong dan 413");
        Assert.DoesNotContain(asked, r => r.Contains(DialogHost.Item(host, 1)));
        Assert.Contains("Công an tỉnh", string.Join("\n", asked), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(DialogHost.Item(host, 1), await chat.AskAsync("có"));

        await chat.AskAsync("đã làm");
        var progress = await chat.SayAsync("tiến độ");
        Assert.Contains("Công ty Minh Phát", progress[0]);
        Assert.StartsWith("Quay lại việc 2/", progress[^1]);
        var report = await chat.SayAsync("xuất báo cáo");
        Assert.Contains("/reports/", string.Join("\n", report));
        Assert.StartsWith("Quay lại việc 2/", report[^1]);
    }
}
