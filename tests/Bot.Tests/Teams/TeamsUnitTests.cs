using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs;
using AnToan.Dialogs.Engine;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Teams;

/// <summary>Units and dialogs where several people write: the channels of a team share the team's unit, and in a
/// channel or group chat a question is answered only by the person it was asked.</summary>
public sealed class TeamsUnitTests : IAsyncLifetime
{
    private TestBotHost _host = null!;

    public async Task InitializeAsync() => _host = await TestBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Replies Replies => _host.App.Services.GetRequiredService<Replies>();

    private static Activity From(Activity activity, string userId, string? conversationId = null)
    {
        activity.From = new ChannelAccount(userId, userId);
        if (conversationId is not null) activity.Conversation.Id = conversationId;
        return activity;
    }

    /// <summary>A message in a thread of the team's channel: each thread is a conversation of its own.</summary>
    private static Activity InThread(string messageId, string userId, string text) =>
        From(TeamsChat.Mention(text, "channel"), userId, $"{TeamsChat.TeamId};messageid={messageId}");

    private async Task<string> SayAsync(Activity activity) =>
        string.Join("\n", (await TeamsChat.SendAsync(_host.Client, activity))
            .Select(r => r.Attachments is { Count: > 0 } ? TeamsChat.CardText(TeamsChat.SingleCard(r)) : TeamsChat.Normalize(r.Text)));

    private string Item(int number) => $"{number}/{Replies.Content.Checklist.Count}: {Replies.Content.Checklist[number - 1].Title}";

    private string Template(string name, object? model = null) =>
        TeamsChat.Normalize(Replies.Content.Templates.Render(name, model).Split('\n')[0]);

    [Fact]
    public async Task TeamChannel_TwoMembersInTwoThreads_ContinueTheSameChecklist()
    {
        Assert.Contains(Template("dialog-unit-name"), await SayAsync(InThread("1", "29:an", "tạo đơn vị")));
        await SayAsync(InThread("1", "29:an", "Công an phường A"));
        await SayAsync(InThread("1", "29:an", "cơ quan"));
        await SayAsync(InThread("1", "29:an", "30"));
        Assert.Contains(Item(1), await SayAsync(InThread("1", "29:an", "danh mục việc cần làm")));
        Assert.Contains(Item(2), await SayAsync(InThread("1", "29:an", "đã làm hôm qua")));

        Assert.Contains(Item(2), await SayAsync(InThread("2", "29:binh", "tiếp tục")));
        Assert.Contains(Template("dialog-unit-none"), await SayAsync(From(TeamsChat.Message("tiến độ"), "29:binh", "a:binh")));
    }

    [Fact]
    public async Task GroupChat_AnotherPersonsAnswer_DoesNotAnswerTheStartersQuestion()
    {
        await SayAsync(From(TeamsChat.Mention("tạo đơn vị", "groupChat"), "29:an"));
        await SayAsync(From(TeamsChat.Mention("Công ty B", "groupChat"), "29:an"));
        await SayAsync(From(TeamsChat.Mention("doanh nghiệp", "groupChat"), "29:an"));
        await SayAsync(From(TeamsChat.Mention("50", "groupChat"), "29:an"));
        Assert.Contains(Item(1), await SayAsync(From(TeamsChat.Mention("danh mục việc cần làm", "groupChat"), "29:an")));

        var other = await SayAsync(From(TeamsChat.Mention("đã làm", "groupChat"), "29:binh"));
        Assert.DoesNotContain(Item(2), other);
        Assert.DoesNotContain(Item(1), other);
        Assert.Contains(Item(2), await SayAsync(From(TeamsChat.Mention("đã làm", "groupChat"), "29:an")));
    }

    [Fact]
    public async Task AUnitNameWithALink_IsEscapedInTheJoinConfirmationAndTheProgress()
    {
        const string name = "[Trang chính thức](https://phishing.example/login)";
        await SayAsync(From(TeamsChat.Message("tạo đơn vị"), "29:an", "a:an"));
        var typePrompt = await SayAsync(From(TeamsChat.Message(name), "29:an", "a:an"));
        await SayAsync(From(TeamsChat.Message("cơ quan"), "29:an", "a:an"));
        var created = await SayAsync(From(TeamsChat.Message("30"), "29:an", "a:an"));
        var code = System.Text.RegularExpressions.Regex.Match(created, @"\b[A-HJ-KM-NP-Z2-9]{6}\b").Value;

        var joined = await SayAsync(From(TeamsChat.Message($"tham gia {code}"), "29:binh", "a:binh"));
        var progress = await SayAsync(From(TeamsChat.Message("tiến độ"), "29:binh", "a:binh"));

        const string escaped = @"\[Trang chính thức\]\(https\:\/\/phishing\.example\/login\)";
        foreach (var text in new[] { typePrompt, created, joined, progress })
        {
            Assert.DoesNotContain(name, text);
            Assert.Contains(escaped, text);
        }
    }
}
