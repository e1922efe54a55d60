using System.Net;
using AnToan.Bot.Channels;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Tests.Zalo;

public sealed class ZaloSendingTests
{
    [Fact]
    public async Task LongAnswer_ArrivesInParts_OfAtMost2000Characters_SplitAfterSentences()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        var text = string.Join(" ", Enumerable.Range(1, 120).Select(i => $"Sentence number {i} explains one more point of the guidance."));

        await sut.SendThroughAdapterAsync("user-1", MessageFactory.Text(text));

        var parts = sut.Api.Delivered.Select(m => m.Text!).ToList();
        Assert.InRange(parts.Count, 4, 5);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 2000));
        Assert.All(parts, p => Assert.EndsWith("of the guidance.", p));
        Assert.Equal(text, string.Join(" ", parts));
    }

    [Fact]
    public async Task SuggestedActions_BecomeAtMostFourButtons_LinksOpenInTheBrowser()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        var reply = MessageFactory.Text("Pick one.");
        reply.SuggestedActions = new SuggestedActions(actions:
            [
                new CardAction(ActionTypes.OpenUrl, "Source", value: "https://example.invalid/doc"),
                new CardAction(ActionTypes.ImBack, "First", value: "first choice"),
                new CardAction(ActionTypes.ImBack, "Second", value: "second choice"),
                new CardAction(ActionTypes.PostBack, "Third", value: "third choice"),
                new CardAction(ActionTypes.ImBack, "Fourth", value: "fourth choice"),
                new CardAction(ActionTypes.ImBack, "Fifth", value: "fifth choice"),
            ]);

        await sut.SendThroughAdapterAsync("user-1", reply);

        var message = Assert.Single(sut.Api.Delivered);
        Assert.Equal("Pick one.", message.Text);
        Assert.Equal(
            ["oa.open.url Source https://example.invalid/doc", "oa.query.show First first choice", "oa.query.show Second second choice", "oa.query.show Third third choice"],
            message.Buttons.Select(b => $"{b["type"]} {b["title"]} {(b["payload"] is System.Text.Json.Nodes.JsonObject url ? url["url"] : b["payload"])}"));
    }

    [Fact]
    public async Task HeroCard_IsSentAsTextWithItsButtons()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        var card = new HeroCard("Document 413", text: "Read the **full** text.", buttons: [new CardAction(ActionTypes.OpenUrl, "Open", value: "https://example.invalid/413")]);

        await sut.SendThroughAdapterAsync("user-1", MessageFactory.Attachment(card.ToAttachment()));

        var message = Assert.Single(sut.Api.Delivered);
        Assert.Equal("Document 413\n\nRead the full text.", message.Text);
        Assert.Equal("oa.open.url", Assert.Single(message.Buttons)["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task OutsideWindowError_IsRecorded_AndNotRetried_UntilTheUserWritesAgain()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        await sut.PostAsync(sut.TextEvent("user-1", "?"));
        await sut.WaitForMessagesAsync("user-1");
        sut.Api.ScriptedErrors.Enqueue(-230);

        var first = await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("Announcement."), default);
        var second = await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("Announcement."), default);

        Assert.Equal(ProactiveOutcome.OutsideWindow, first.Outcome);
        Assert.Equal(ProactiveOutcome.OutsideWindow, second.Outcome);
        Assert.Equal(2, sut.Api.Calls.Count(c => c.UserId == "user-1")); // the reply, then one refused attempt

        await sut.PostAsync(sut.TextEvent("user-1", "?"));
        await sut.WaitForMessagesAsync("user-1", 2);
        var afterWriting = await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("Announcement."), default);
        Assert.Equal(ProactiveOutcome.Delivered, afterWriting.Outcome);
    }

    [Fact]
    public async Task UserSilentForMoreThanSevenDays_IsOutsideWindow_WithoutCallingZalo()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, await sut.PostAsync(sut.TextEvent("user-1", "?")));
        await sut.WaitForMessagesAsync("user-1");

        sut.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(ProactiveOutcome.Delivered, (await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("A."), default)).Outcome);
        sut.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(ProactiveOutcome.OutsideWindow, (await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("B."), default)).Outcome);
        Assert.Equal(ProactiveOutcome.OutsideWindow, (await sut.Proactive.SendAsync(ZaloTestHost.Reference("never-wrote"), MessageFactory.Text("C."), default)).Outcome);

        Assert.Equal(2, sut.Api.Calls.Count);
    }

    [Theory]
    [InlineData(-213, ProactiveOutcome.Gone)]
    [InlineData(-232, ProactiveOutcome.OutsideWindow)]
    [InlineData(-234, ProactiveOutcome.Transient)]
    [InlineData(-32, ProactiveOutcome.Transient)]
    [InlineData(-201, ProactiveOutcome.Failed)]
    public async Task ZaloErrors_MapToDeliveryOutcomes(int error, ProactiveOutcome expected)
    {
        await using var sut = await ZaloTestHost.StartAsync();
        await sut.PostAsync(sut.TextEvent("user-1", "?"));
        await sut.WaitForMessagesAsync("user-1");
        sut.Api.ScriptedErrors.Enqueue(error);

        var result = await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("Announcement."), default);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(2, sut.Api.Calls.Count);
    }

    [Fact]
    public async Task QuietHoursError_AsksToRetryAtSixInTheMorning()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        await sut.PostAsync(sut.TextEvent("user-1", "?"));
        await sut.WaitForMessagesAsync("user-1");
        sut.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 10, 23, 0, 0, TimeSpan.FromHours(7)));
        sut.Api.ScriptedErrors.Enqueue(-234);

        var result = await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("Announcement."), default);

        Assert.Equal(TimeSpan.FromHours(7), result.RetryAfter);
    }

    [Fact]
    public async Task RateLimited_BacksOff_WithoutCallingZalo_UntilThePauseEnds()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        await sut.PostAsync(sut.TextEvent("user-1", "?"));
        await sut.WaitForMessagesAsync("user-1");
        sut.Api.ScriptedErrors.Enqueue(-32);

        var limited = await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("A."), default);
        sut.Clock.Advance(TimeSpan.FromSeconds(30));
        var paused = await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("B."), default);
        var callsWhilePaused = sut.Api.Calls.Count;
        sut.Clock.Advance(TimeSpan.FromSeconds(31));
        var resumed = await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("C."), default);

        Assert.Equal((ProactiveOutcome.Transient, TimeSpan.FromMinutes(1)), (limited.Outcome, limited.RetryAfter));
        Assert.Equal((ProactiveOutcome.Transient, TimeSpan.FromSeconds(30)), (paused.Outcome, paused.RetryAfter));
        Assert.Equal(2, callsWhilePaused);
        Assert.Equal(ProactiveOutcome.Delivered, resumed.Outcome);
    }
}
