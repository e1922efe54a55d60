namespace AnToan.Bot.Tests.Announcements;

/// <summary>Announcements reach subscribed conversations on the right days, once, through the fake connector.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task Run_OnTheElectionCountdownDays_SendsEachReminderOnce()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00");
        await sut.SubscribeAsync("conv-a");

        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-09 07:59"));
        Assert.Equal((1, 0, 0), await sut.RunAsync("2021-05-09 08:00"));
        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-09 08:15"));
        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-15 20:45"));
        Assert.Equal((1, 0, 0), await sut.RunAsync("2021-05-16 08:00"));
        Assert.Equal((2, 0, 0), await sut.RunAsync("2021-05-23 08:15"));

        var texts = sut.Connector.For("conv-a").Select(r => r.Text).ToList();
        Assert.Equal(4, texts.Count);
        Assert.Contains("Còn 14 ngày nữa (23/05/2021)", texts[0]);
        Assert.Contains("Còn 7 ngày nữa (23/05/2021)", texts[1]);
        Assert.Contains(texts[2..], t => t.Contains("Còn 1 ngày nữa (23/05/2021)"));
        Assert.Contains(texts[2..], t => t.Contains("Hôm nay (23/05/2021)"));
        Assert.All(sut.Connector.Requests, r => Assert.Equal("", r.Authorization));
    }

    [Fact]
    public async Task Run_ForSeveralConversations_SendsToEachAndNotToOthers()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-09-20 10:00");
        await sut.SubscribeAsync("conv-a", "conv-b");
        await sut.SayAsync("conv-c", "xin chào");

        Assert.Equal((2, 0, 0), await sut.RunAsync("2021-09-27 08:00"));

        Assert.Contains("Ngày toàn dân phòng cháy, chữa cháy", Assert.Single(sut.Connector.For("conv-a")).Text);
        Assert.Single(sut.Connector.For("conv-b"));
        Assert.Empty(sut.Connector.For("conv-c"));
    }

    [Fact]
    public async Task Run_DuringQuietHours_SendsNothingUntilTheyEnd()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00", settings: ["Announcements:SendAt=06:00"]);
        await sut.SubscribeAsync("conv-a");

        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-09 06:30"));
        Assert.Empty(sut.Connector.Requests);
        Assert.Equal((1, 0, 0), await sut.RunAsync("2021-05-09 07:00"));
    }

    [Fact]
    public async Task Run_AfterDowntime_CatchesUpWithinGraceAndSkipsOlder()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-01 10:00");
        await sut.SubscribeAsync("conv-a");
        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-02 08:00"));

        // Down from 2 to 24 May: the 14- and 7-day reminders are more than 3 days late, the last two are not.
        Assert.Equal((2, 2, 0), await sut.RunAsync("2021-05-24 09:00"));
        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-24 09:15"));

        var texts = sut.Connector.For("conv-a").Select(r => r.Text).ToList();
        Assert.Equal(2, texts.Count);
        Assert.Contains(texts, t => t.Contains("Còn 1 ngày nữa"));
        Assert.Contains(texts, t => t.Contains("Hôm nay (23/05/2021)"));
    }

    [Fact]
    public async Task Run_ConversationSubscribedLater_DoesNotGetEarlierAnnouncements()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-10 10:00");
        await sut.SubscribeAsync("conv-a");

        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-05-10 10:15"));
        Assert.Equal((1, 0, 0), await sut.RunAsync("2021-05-16 08:00"));
    }

    [Fact]
    public async Task Runs_Overlapping_DeliverEachMessageOnce()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-09-20 10:00");
        var conversations = Enumerable.Range(1, 20).Select(i => $"conv-{i}").ToArray();
        await sut.SubscribeAsync(conversations);
        sut.Connector.Respond = async _ => { await Task.Delay(5); return FakeConnector.Answer.Ok; };

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => sut.RunAsync("2021-09-27 08:00")));

        Assert.Equal(20, runs.Sum(r => r.Delivered));
        Assert.Equal(20, sut.Connector.Requests.Count);
        Assert.All(conversations, c => Assert.Single(sut.Connector.For(c)));
    }
}
