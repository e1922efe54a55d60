using System.Net;
using System.Text.Json.Nodes;
using AnToan.Bot.Channels.Zalo;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Zalo;

public sealed class ZaloWebhookTests
{
    [Fact]
    public async Task SignedTextEvent_GetsItsAnswerPosted_AsPlainTextWithMenuButtons()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        var help = sut.Replies.Content.Intents.Single(i => i.Id == "help").Examples[0];

        Assert.Equal(HttpStatusCode.OK, await sut.PostAsync(sut.TextEvent("user-1", help)));

        var answer = Assert.Single(await sut.WaitForMessagesAsync("user-1"));
        Assert.Equal(ZaloText.StripMarkdown(sut.Replies.Content.Templates.Render("help")), answer.Text);
        Assert.DoesNotContain("**", answer.Text);
        Assert.Equal("access-0", answer.AccessToken);
        Assert.Equal(sut.Replies.Content.Ui.Menu.Select(b => b.Value), answer.Buttons.Select(b => b["payload"]!.GetValue<string>()));
        Assert.All(answer.Buttons, b => Assert.Equal("oa.query.show", b["type"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("msg")]
    [InlineData("user")]
    public async Task SignedEvent_WithAnIdOverTheLimit_Gets400_AndNothingIsSent(string which)
    {
        await using var sut = await ZaloTestHost.StartAsync();
        var longId = new string('9', 3000);

        var status = await sut.PostAsync(which == "msg" ? sut.TextEvent("user-1", "?", msgId: longId) : sut.TextEvent(longId, "?"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        await sut.DrainAsync();
        Assert.DoesNotContain(sut.Api.Calls, c => c.UserId is "user-1" || c.UserId == longId);
    }

    [Theory]
    [InlineData("mac=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("mac=not-hex")]
    [InlineData("")]
    public async Task BadOrMissingSignature_Gets401_AndNothingIsSent(string signature)
    {
        await using var sut = await ZaloTestHost.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await sut.PostAsync(sut.TextEvent("forger", "?"), signature));

        await sut.DrainAsync();
        Assert.DoesNotContain(sut.Api.Calls, c => c.UserId == "forger");
    }

    [Fact]
    public async Task SignatureOfAnotherBody_Gets401()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        var genuine = sut.TextEvent("user-1", "?", msgId: "m1");
        var tampered = sut.TextEvent("user-1", "tampered", msgId: "m1");
        var signature = "mac=" + Convert.ToHexStringLower(ZaloSignature.Compute(
            System.Text.Encoding.UTF8.GetBytes(genuine.ToJsonString()), genuine["timestamp"]!.GetValue<string>(),
            new ZaloOptions { AppId = FakeZaloApi.AppId, OaSecretKey = ZaloTestHost.OaSecretKey }));

        Assert.Equal(HttpStatusCode.Unauthorized, await sut.PostAsync(tampered, signature));
        Assert.Equal(HttpStatusCode.OK, await sut.PostAsync(genuine, signature));
        await sut.WaitForMessagesAsync("user-1");
    }

    [Fact]
    public async Task ReplayedMsgId_IsAnsweredOnce_EvenAfterARestart()
    {
        await using var api = await FakeZaloApi.StartAsync();
        var dataDir = Directory.CreateTempSubdirectory("antoan-zalo-").FullName;
        try
        {
            JsonObject zaloEvent;
            await using (var first = await ZaloTestHost.StartAsync(api, dataDir: dataDir))
            {
                zaloEvent = first.TextEvent("user-1", "?", msgId: "msg-42");
                Assert.Equal(HttpStatusCode.OK, await first.PostAsync(zaloEvent));
                Assert.Equal(HttpStatusCode.OK, await first.PostAsync(zaloEvent));
                await first.DrainAsync();
            }
            await using (var second = await ZaloTestHost.StartAsync(api, dataDir: dataDir))
            {
                Assert.Equal(HttpStatusCode.OK, await second.PostAsync(zaloEvent));
                await second.DrainAsync();
            }
            Assert.Single(api.Delivered, m => m.UserId == "user-1");
        }
        finally
        {
            Directory.Delete(dataDir, true);
        }
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task EventOutsideTheFreshnessWindow_IsAcknowledgedButNotProcessed(int minutesFromNow)
    {
        await using var sut = await ZaloTestHost.StartAsync();

        var stale = sut.TextEvent("user-1", "?", at: sut.Clock.GetUtcNow().AddMinutes(minutesFromNow));
        Assert.Equal(HttpStatusCode.OK, await sut.PostAsync(stale));

        await sut.DrainAsync();
        Assert.DoesNotContain(sut.Api.Calls, c => c.UserId == "user-1");
    }

    [Theory]
    [InlineData("user_received_message")]
    [InlineData("user_seen_message")]
    [InlineData("oa_send_text")]
    [InlineData("oa_send_image")]
    public async Task ReceiptsAndEchoes_ProduceNoSend(string eventName)
    {
        await using var sut = await ZaloTestHost.StartAsync();

        var zaloEvent = sut.Event(eventName, "user-1", message: new JsonObject { ["msg_id"] = "x1", ["text"] = "?" });
        Assert.Equal(HttpStatusCode.OK, await sut.PostAsync(zaloEvent));

        await sut.DrainAsync();
        Assert.DoesNotContain(sut.Api.Calls, c => c.UserId == "user-1");
    }

    [Theory]
    [InlineData("user_send_image")]
    [InlineData("user_send_sticker")]
    [InlineData("user_send_location")]
    public async Task Media_GetsAPoliteReply(string eventName)
    {
        await using var sut = await ZaloTestHost.StartAsync();
        var attachment = new JsonObject { ["type"] = eventName["user_send_".Length..], ["payload"] = new JsonObject { ["url"] = "https://example.invalid/x" } };

        await sut.PostAsync(sut.Event(eventName, "user-1", message: new JsonObject { ["msg_id"] = "x1", ["attachments"] = new JsonArray(attachment) }));

        var reply = Assert.Single(await sut.WaitForMessagesAsync("user-1"));
        Assert.Equal(ZaloText.StripMarkdown(sut.Replies.Content.Templates.Render("unsupported")), reply.Text);
    }

    [Fact]
    public async Task MalformedBody_Gets400()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        using var response = await sut.Host.Client.PostAsync("/api/zalo",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") { Headers = { { "X-ZEvent-Signature", "mac=00" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WithoutZaloSettings_TheWebhookDoesNotExist()
    {
        await using var host = await TestBotHost.StartAsync();
        using var response = await host.Client.PostAsync("/api/zalo", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EventsAcceptedBeforeAStop_AreAnsweredAfterTheRestart()
    {
        await using var api = await FakeZaloApi.StartAsync();
        var dataDir = Directory.CreateTempSubdirectory("antoan-zalo-").FullName;
        try
        {
            await using (var first = await ZaloTestHost.StartAsync(api, dataDir: dataDir))
            {
                api.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Assert.Equal(HttpStatusCode.OK, await first.PostAsync(first.TextEvent("user-1", "?")));
                await Wait.Until(() => api.HeldCalls == 1);
                Assert.Equal(HttpStatusCode.OK, await first.PostAsync(first.TextEvent("user-2", "?")));

                // Stop the runner while user-1's turn is under way, then let that turn finish.
                var processor = first.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ZaloEventProcessor>().Single();
                var stopping = processor.StopAsync(CancellationToken.None);
                api.Hold.SetResult();
                await stopping;
                api.Hold = null;
                Assert.Single(api.Delivered, m => m.UserId == "user-1");
                Assert.DoesNotContain(api.Calls, c => c.UserId == "user-2");
            }
            await using (var second = await ZaloTestHost.StartAsync(api, dataDir: dataDir))
            {
                await second.WaitForMessagesAsync("user-2");
                await second.DrainAsync();
            }
            Assert.Single(api.Delivered, m => m.UserId == "user-1");
            Assert.Single(api.Delivered, m => m.UserId == "user-2");
        }
        finally
        {
            Directory.Delete(dataDir, true);
        }
    }
}
