using System.Net.Http.Json;
using System.Text.Json;
using AnToan.Bot.Tests.Announcements;

namespace AnToan.Bot.Tests.Admin;

/// <summary>Subscriptions and deliveries made by the real notifications, seen on the dashboard; the run is audited.</summary>
public sealed class AdminNotificationsEndToEndTests
{
    [Fact]
    public async Task AfterARun_TheDashboardShowsUpcoming_DeliveriesPerChannel_AndSubscriptions()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00");
        await sut.SubscribeAsync("conv-a");
        await sut.SayAsync("conv-b", "đăng ký nhận thông báo", channelId: "msteams");
        await sut.SayAsync("conv-c", "đăng ký nhận thông báo", channelId: "msteams");
        await sut.SayAsync("conv-c", "hủy đăng ký", channelId: "msteams");
        sut.SetNow("2021-05-09 09:00");
        var (delivered, _, _) = await sut.RunAsync("2021-05-09 08:00");
        Assert.Equal(2, delivered);

        var view = await sut.Host.Client.GetFromJsonAsync<JsonElement>("/api/admin/notifications");

        var upcoming = view.GetProperty("upcoming").EnumerateArray().ToList();
        Assert.NotEmpty(upcoming);
        Assert.All(upcoming, u => Assert.InRange(DateOnly.Parse(u.GetProperty("day").GetString()!), new DateOnly(2021, 5, 9), new DateOnly(2021, 7, 8)));
        Assert.Contains(upcoming, u => u.GetProperty("day").GetString() == "2021-05-16");
        var last = view.GetProperty("deliveries")[0];
        Assert.False(string.IsNullOrEmpty(last.GetProperty("title").GetString()));
        var channels = last.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channelId").GetString()!, c => c.GetProperty("delivered").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["emulator"] = 1, ["msteams"] = 1 }, channels);
        var subscriptions = view.GetProperty("subscriptions").EnumerateArray()
            .ToDictionary(c => c.GetProperty("channelId").GetString()!, c => (c.GetProperty("active").GetInt32(), c.GetProperty("ended").GetInt32()));
        Assert.Equal((1, 0), subscriptions["emulator"]);
        Assert.Equal((1, 1), subscriptions["msteams"]);

        var audit = (await sut.Host.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit"))[0];
        Assert.Equal("POST /api/admin/announcements/run", audit.GetProperty("action").GetString());
        Assert.Equal("api-key", audit.GetProperty("who").GetString());
        Assert.Contains("2021-05-09T08%3A00", audit.GetProperty("detail").GetString());
        Assert.Equal(NotifyHarness.Local("2021-05-09 09:00"), audit.GetProperty("at").GetDateTimeOffset());
    }
}
