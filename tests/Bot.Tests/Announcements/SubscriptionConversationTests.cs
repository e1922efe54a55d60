using System.Text.Json;
using AnToan.Bot.Channels;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Announcements;

/// <summary>What a user says to subscribe, choose categories, see the calendar; what a Teams install does.</summary>
public sealed class SubscriptionConversationTests
{
    /// <summary>What the user reads: the text, or on Teams the TextBlocks of the Adaptive Card it became.</summary>
    private static string Text(JsonElement activity) =>
        activity.TryGetProperty("text", out var t) && t.GetString() is { Length: > 0 } text ? text
        : string.Join("\n", Cards(activity).SelectMany(c => c.GetProperty("body").EnumerateArray())
            .Where(e => e.GetProperty("type").GetString() == "TextBlock").Select(e => e.GetProperty("text").GetString()));

    /// <summary>What each button sends: suggested actions, or on Teams the card's Action.Submit data.</summary>
    private static List<string> Buttons(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var s)
            ? s.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()!).ToList()
            : Cards(activity).SelectMany(c => c.GetProperty("actions").EnumerateArray())
                .Select(a => a.GetProperty("data").GetProperty("text").GetString()!).ToList();

    private static IEnumerable<JsonElement> Cards(JsonElement activity) =>
        activity.TryGetProperty("attachments", out var a)
            ? a.EnumerateArray().Where(x => x.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive").Select(x => x.GetProperty("content"))
            : [];

    [Fact]
    public async Task Subscribe_OffersACategoryButtonEach_AndTurningOneOffStopsIt()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00");

        var reply = Assert.Single(await sut.SayAsync("conv-a", "đăng ký nhận thông báo"));
        Assert.Contains("Đã đăng ký nhận thông báo", Text(reply));
        var buttons = Buttons(reply);
        Assert.Equal(4, buttons.Count);
        var election = Assert.Single(buttons, b => b.Contains("Bầu cử"));

        var toggled = Assert.Single(await sut.SayAsync("conv-a", election));
        Assert.DoesNotContain("Bầu cử", Text(toggled));
        Assert.Contains("Tháng cao điểm", Text(toggled));
        var again = Assert.Single(await sut.SayAsync("conv-a", election)); // the same old button: still off
        Assert.DoesNotContain("Bầu cử", Text(again));

        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-09 08:00"));
        Assert.Equal((1, 0, 0), await sut.RunAsync("2021-05-25 08:00")); // the drug-prevention month, 7 days ahead
    }

    [Fact]
    public async Task Unsubscribe_StopsAnnouncements_AndOffersCategoriesBack()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00");
        await sut.SubscribeAsync("conv-a");

        var reply = Assert.Single(await sut.SayAsync("conv-a", "hủy đăng ký"));
        Assert.Contains("Đã hủy đăng ký", Text(reply));
        Assert.Contains("đăng ký nhận thông báo", Buttons(reply));
        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-09 08:00"));

        // Choosing only elections subscribes again to that category alone.
        var election = Buttons(reply).Single(b => b.Contains("Bầu cử"));
        await sut.SayAsync("conv-a", election);
        Assert.Equal((1, 0, 0), await sut.RunAsync("2021-05-16 08:00"));
        Assert.Equal((2, 0, 0), await sut.RunAsync("2021-05-25 08:00")); // the last two election reminders, not the June campaign
        Assert.All(sut.Connector.For("conv-a"), r => Assert.Contains("23/05/2021", r.Text));
    }

    [Fact]
    public async Task Unsubscribe_WhenNotSubscribed_SaysSo()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00");

        var reply = Assert.Single(await sut.SayAsync("conv-a", "hủy đăng ký"));

        Assert.Contains("chưa đăng ký", Text(reply));
    }

    [Fact]
    public async Task ThisMonth_InJune2021_ListsTheDrugPreventionMonthAndDay()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-06-10 09:00");

        var text = Text(Assert.Single(await sut.SayAsync("conv-a", "lịch tháng này")));

        Assert.Contains("06/2021", text);
        Assert.Contains("Tháng hành động phòng, chống ma túy", text);
        Assert.Contains("26/06/2021", text);
        Assert.DoesNotContain("phòng cháy", text);
    }

    [Fact]
    public async Task ComingUp_LateSeptember_CountsTheDaysToTheFirePreventionDay()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-09-28 09:00");

        var text = Text(Assert.Single(await sut.SayAsync("conv-a", "sắp tới có gì")));

        Assert.Contains("Tháng an toàn giao thông", text); // still running
        Assert.Contains("04/10/2021", text);
        Assert.Contains("còn 6 ngày", text);
        Assert.True(text.IndexOf("04/10/2021", StringComparison.Ordinal) < text.IndexOf("01/12/2021", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamsInstall_SubscribesWithAnOptOut_AndUninstallEndsIt()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00");

        var replies = await sut.BotMembershipAsync("team-conv", added: true);
        var installed = Assert.Single(replies, r => Text(r).Contains("đăng ký nhận thông báo"));
        Assert.Contains("hủy đăng ký", Buttons(installed));
        Assert.Equal((1, 0, 0), await sut.RunAsync("2021-05-09 08:00"));

        await sut.BotMembershipAsync("team-conv", added: false);
        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-16 08:00"));
        Assert.Single(sut.Connector.For("team-conv"));
    }

    [Fact]
    public async Task TeamsChannelThread_SubscribesTheChannel_AndAnnouncementsStartNewPosts()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00");
        await sut.SayAsync("19:team@thread.tacv2;messageid=111", "đăng ký nhận thông báo", "msteams");

        Assert.Equal((1, 0, 0), await sut.RunAsync("2021-05-09 08:00"));
        Assert.Single(sut.Connector.For("19:team@thread.tacv2"));

        await sut.SayAsync("19:team@thread.tacv2;messageid=222", "hủy đăng ký", "msteams");
        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-16 08:00"));
    }

    [Fact]
    public async Task EmulatorJoin_DoesNotSubscribe()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00");

        await sut.BotMembershipAsync("emu-conv", added: true, channelId: "emulator");

        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-09 08:00"));
    }

    [Fact]
    public async Task OutsideTheChannelWindow_IsOwedAndSentWhenTheUserNextWrites()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00",
            configure: b => b.Services.AddSingleton<IProactiveChannel>(new OutsideWindowChannel("windowed")));
        await sut.SayAsync("user-z", "đăng ký nhận thông báo", "windowed");

        Assert.Equal((0, 1, 0), await sut.RunAsync("2021-05-09 08:00"));
        Assert.Equal((0, 1, 0), await sut.RunAsync("2021-05-16 08:00"));

        sut.SetNow("2021-05-18 14:00");
        var replies = await sut.SayAsync("user-z", "xin chào", "windowed");
        var owed = Assert.Single(replies, r => Text(r).Contains("23/05/2021"));
        Assert.Contains("Còn 5 ngày nữa", Text(owed)); // worded as of the day it is finally sent
        Assert.True(replies.IndexOf(owed) == 0, "owed announcements come before the answer");

        var later = await sut.SayAsync("user-z", "xin chào", "windowed");
        Assert.DoesNotContain(later, r => Text(r).Contains("23/05/2021"));
    }

    /// <summary>A channel like Zalo outside its 7-day window: can never deliver proactively.</summary>
    private sealed class OutsideWindowChannel(string channelId) : IProactiveChannel
    {
        public bool Handles(string id) => id == channelId;

        public Task<ProactiveResult> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken) =>
            Task.FromResult(new ProactiveResult(ProactiveOutcome.OutsideWindow));
    }
}
