using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AnToan.Bot.Channels.Zalo;
using AnToan.Bot.Announcements;
using AnToan.Bot.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Zalo;

/// <summary>Following the OA subscribes to announcements; announcements reach followers within Zalo's 7-day
/// window, and those silent for longer get them when they next write.</summary>
public sealed class ZaloAnnouncementTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task Follow_PostsTheWelcome_ThenTheSubscriptionNotice_AsPlainTextWithAnOptOutButton()
    {
        await using var sut = await ZaloTestHost.StartAsync();

        Assert.Equal(HttpStatusCode.OK, await sut.PostAsync(sut.FollowEvent("follow", "user-1")));
        await sut.WaitForMessagesAsync("user-1", 2);
        await sut.DrainAsync();

        var messages = sut.Api.Delivered.Where(m => m.UserId == "user-1").ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(ZaloText.StripMarkdown(sut.Replies.Content.Templates.Render("welcome", new { UserName = "" })), messages[0].Text);
        Assert.Equal(4, messages[0].Buttons.Count);
        var notice = messages[1];
        Assert.Equal(ZaloText.StripMarkdown(sut.Replies.Content.Templates.Render("notify-installed")), notice.Text);
        Assert.DoesNotContain("**", notice.Text);
        var optOut = Assert.Single(notice.Buttons);
        Assert.Equal("oa.query.show", optOut["type"]!.GetValue<string>());
        Assert.Equal(sut.Replies.Content.Intents.Single(i => i.Id == "unsubscribe").Examples[0], optOut["payload"]!.GetValue<string>());

        var subscription = Subscriptions(sut).Find(ZaloActivities.ChannelId, "user-1");
        Assert.True(subscription is { Active: true });
        Assert.Equal(AnToan.Knowledge.Calendar.CalendarCategories.All.Order(), subscription.Categories.Order());
    }

    [Fact]
    public async Task TappingTheOptOutButton_Unsubscribes()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        await sut.PostAsync(sut.FollowEvent("follow", "user-1"));
        var optOut = (await sut.WaitForMessagesAsync("user-1", 2))[1].Buttons.Single()["payload"]!.GetValue<string>();

        await sut.PostAsync(sut.TextEvent("user-1", optOut));

        var reply = (await sut.WaitForMessagesAsync("user-1", 3))[2];
        Assert.Equal(ZaloText.StripMarkdown(sut.Replies.Content.Templates.Render("notify-unsubscribed", new { WasSubscribed = true })), reply.Text);
        Assert.False(Subscriptions(sut).Find(ZaloActivities.ChannelId, "user-1")!.Active);
    }

    [Fact]
    public async Task Unfollow_Unsubscribes_WithoutSendingAnything_AndFollowingAgainResubscribes()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        await sut.PostAsync(sut.FollowEvent("follow", "user-1"));
        await sut.WaitForMessagesAsync("user-1", 2);

        sut.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await sut.PostAsync(sut.FollowEvent("unfollow", "user-1")));
        await sut.DrainAsync();

        var ended = Subscriptions(sut).Find(ZaloActivities.ChannelId, "user-1")!;
        Assert.False(ended.Active);
        Assert.Equal("removed", ended.EndedBy);
        Assert.Equal(2, sut.Api.Calls.Count(c => c.UserId == "user-1"));

        sut.Clock.Advance(TimeSpan.FromMinutes(1));
        await sut.PostAsync(sut.FollowEvent("follow", "user-1"));
        await sut.WaitForMessagesAsync("user-1", 4);
        Assert.True(Subscriptions(sut).Find(ZaloActivities.ChannelId, "user-1")!.Active);
    }

    [Fact]
    public async Task AutoSubscribeChannels_FromTheSettings_ReplaceTheDefaults()
    {
        // Zalo alone: a Teams install must no longer subscribe (an array default would survive the binding).
        await using var sut = await ZaloTestHost.StartAsync(settings:
            ["Announcements:AutoSubscribeChannels:0=zalo", "Announcements:AutoSubscribeChannels:1=zalo"]);
        var install = TeamsChat.MembersAdded(TeamsChat.BotId);

        await TeamsChat.SendAsync(sut.Host.Client, install);
        await sut.PostAsync(sut.FollowEvent("follow", "user-1"));
        await sut.WaitForMessagesAsync("user-1", 2);

        Assert.Null(Subscriptions(sut).Find("msteams", install.Conversation.Id));
        Assert.True(Subscriptions(sut).Find(ZaloActivities.ChannelId, "user-1") is { Active: true });
    }

    [Fact]
    public async Task DueAnnouncement_ReachesFollowersWithinTheWindow_TheSilentOneGetsItWhenTheyWrite()
    {
        // Ngày toàn dân phòng cháy, chữa cháy (04/10): announced on the day at Announcements:SendAt (08:00).
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 9, 20, 9, 0, 0, Vietnam));
        await using var sut = await ZaloTestHost.StartAsync(clock: clock);
        var question = sut.Replies.Content.Intents.Single(i => i.Id == "help").Examples[0];

        // The quiet follower writes once, 14 days before the announcement.
        await sut.PostAsync(sut.FollowEvent("follow", "quiet"));
        await sut.PostAsync(sut.TextEvent("quiet", question));
        await sut.WaitForMessagesAsync("quiet", 3);
        // The active one follows and writes 3 days before it.
        clock.SetUtcNow(new DateTimeOffset(2025, 10, 1, 9, 0, 0, Vietnam));
        await sut.PostAsync(sut.FollowEvent("follow", "active"));
        await sut.PostAsync(sut.TextEvent("active", question));
        await sut.WaitForMessagesAsync("active", 3);
        await sut.DrainAsync();
        var before = sut.Api.Calls.Count;

        var at = new DateTimeOffset(2025, 10, 4, 8, 0, 0, Vietnam);
        clock.SetUtcNow(at);
        var announcement = ZaloText.StripMarkdown(await AnnouncementTextAsync(sut, "ngay-toan-dan-pccc", "2025-10-04"));

        Assert.Equal((1, 1, 0), await sut.RunAnnouncementsAsync(at));
        var sent = Assert.Single(sut.Api.Calls.Skip(before));
        Assert.Equal(("active", announcement, 0), (sent.UserId, sent.Text, sent.Error));

        // Exactly once: a later run sends nothing and does not count the owed one again.
        clock.SetUtcNow(at.AddHours(2));
        Assert.Equal((0, 0, 0), await sut.RunAnnouncementsAsync(at.AddHours(2)));
        Assert.Equal(before + 1, sut.Api.Calls.Count);

        // The quiet follower writes: the owed announcement comes first in that turn, then the answer.
        await sut.PostAsync(sut.TextEvent("quiet", question));
        await sut.WaitForMessagesAsync("quiet", 5);
        await sut.DrainAsync();
        var turn = sut.Api.Delivered.Where(m => m.UserId == "quiet").Skip(3).ToList();
        Assert.Equal([announcement, ZaloText.StripMarkdown(sut.Replies.Content.Templates.Render("help"))], turn.Select(m => m.Text));

        // And only once.
        await sut.PostAsync(sut.TextEvent("quiet", question));
        await sut.WaitForMessagesAsync("quiet", 6);
        await sut.DrainAsync();
        Assert.Equal(6, sut.Api.Delivered.Count(m => m.UserId == "quiet"));
        Assert.Equal((0, 0, 0), await sut.RunAnnouncementsAsync(at.AddHours(3)));
    }

    private static ISubscriptionStore Subscriptions(ZaloTestHost sut) => sut.Services.GetRequiredService<ISubscriptionStore>();

    /// <summary>The text the admin API lists for an entry's announcement on <paramref name="day"/>.</summary>
    private static async Task<string> AnnouncementTextAsync(ZaloTestHost sut, string entryId, string day)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/announcements?from={day}&to={day}");
        request.Headers.Add("X-Admin-Key", ZaloTestHost.AdminKey);
        using var response = await sut.Host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var due = await response.Content.ReadFromJsonAsync<JsonElement>();
        return due.EnumerateArray().Single(a => a.GetProperty("entryId").GetString() == entryId).GetProperty("text").GetString()!;
    }
}
