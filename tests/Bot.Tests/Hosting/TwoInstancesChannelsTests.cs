using System.Net;
using AnToan.Bot.Channels;
using AnToan.Bot.Channels.Zalo;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Bot.Tests.WebChat;
using AnToan.Bot.Tests.Zalo;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.Hosting;

/// <summary>The web chat and Zalo channels of two real hosts on one PostgreSQL database behave as one bot's.</summary>
public sealed class TwoInstancesChannelsTests : IDisposable
{
    private readonly TestPostgresSchema? _schema = TestPostgres.SkipReason is null ? new TestPostgresSchema() : null;

    private string[] Settings => _schema!.HostSettings;

    public void Dispose() => _schema?.Dispose();

    [PostgresFact]
    public async Task AWebConversationBegunOnOne_IsServedByTheOther_AndWhatOneSendsReachesAStreamOpenOnTheOther()
    {
        await using var a = await TestBotHost.StartAsync(settings: Settings);
        await using var b = await TestBotHost.StartAsync(settings: Settings);
        var started = await new WebChatClient(a.Client).StartAsync();
        var id = (string)started["conversationId"]!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await b.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{WebChatClient.Base}/{id}/events"),
            HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cts.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(cts.Token));

        var replies = await new WebChatClient(a.Client).SayAsync(id, "xin chào");
        Assert.NotEmpty(replies);
        var channel = a.App.Services.GetServices<IProactiveChannel>().Single(c => c.Handles("web"));
        var reference = new ConversationReference
        {
            ChannelId = "web",
            Conversation = new ConversationAccount(id: id),
            User = new ChannelAccount((string)started["userId"]!),
            Bot = new ChannelAccount("antoan-bot"),
        };
        Assert.Equal(ProactiveOutcome.Delivered, (await channel.SendAsync(reference, MessageFactory.Text("Announcement 42"), cts.Token)).Outcome);

        string? line;
        do line = await reader.ReadLineAsync(cts.Token); while (line is not null && !line.StartsWith("data: "));
        Assert.NotNull(line);
        Assert.Equal("Announcement 42", (string?)JObject.Parse(line[6..])["text"]);
        var history = (await new WebChatClient(b.Client).HistoryAsync(id)).Select(h => (string?)h["text"]).ToList();
        Assert.Equal(["xin chào", .. replies.Select(r => (string?)r["text"]), "Announcement 42"], history.Skip(history.Count - replies.Count - 2));
    }

    [PostgresFact]
    public async Task TwoInstancesRefreshingAtOnce_SpendTheRefreshTokenOnce()
    {
        await using var api = await FakeZaloApi.StartAsync();
        api.RefreshDelay = TimeSpan.FromMilliseconds(300);
        await using var a = await ZaloTestHost.StartAsync(api, accessToken: "expired", settings: Settings);
        await using var b = await ZaloTestHost.StartAsync(api, accessToken: "expired", settings: Settings);

        var providers = new[] { a, b }.Select(h => h.Services.GetRequiredService<ZaloTokenProvider>()).ToList();
        foreach (var provider in providers) Assert.Equal("expired", await provider.GetAccessTokenAsync(CancellationToken.None));

        // Zalo refused the token on both at the same instant.
        var renewed = await Task.WhenAll(providers.Select(p => Task.Run(() => p.RefreshAsync("expired", CancellationToken.None))))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["access-1", "access-1"], renewed);
        Assert.Equal(1, api.Refreshes);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? a : b).SendThroughAdapterAsync($"user-{i}", MessageFactory.Text("Hello."))));
        Assert.Equal(10, api.Delivered.Count);
        Assert.All(api.Delivered, m => Assert.Equal("access-1", m.AccessToken));
        Assert.Equal(1, api.Refreshes);
    }

    [PostgresFact]
    public async Task AZaloEventDeliveredToBoth_IsAnsweredOnce()
    {
        await using var api = await FakeZaloApi.StartAsync();
        await using var a = await ZaloTestHost.StartAsync(api, settings: Settings);
        await using var b = await ZaloTestHost.StartAsync(api, settings: Settings);

        var once = a.TextEvent("once", "xin chào", msgId: "msg-once");
        var statuses = await Task.WhenAll(a.PostAsync(once), b.PostAsync(once));
        await a.PostAsync(a.TextEvent("single", "xin chào"));
        await a.DrainAsync();
        await b.DrainAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var answers = api.Delivered.Count(m => m.UserId == "single");
        Assert.True(answers > 0);
        Assert.Equal(answers, api.Delivered.Count(m => m.UserId == "once"));
    }

    /// <summary>An event accepted by an instance that died before running it is run by another, once it is stale.</summary>
    [PostgresFact]
    public async Task AZaloEventLeftPendingByADeadInstance_IsRunByAnother()
    {
        await using var api = await FakeZaloApi.StartAsync();
        await using var b = await ZaloTestHost.StartAsync(api, settings: Settings);
        // What instance A's webhook did before it died: the event is in the shared inbox, in nobody's queue.
        var inbox = b.Services.GetRequiredService<IZaloInbox>();
        Assert.True(inbox.TryAccept("msg-orphan", b.TextEvent("orphan", "xin chào", msgId: "msg-orphan").ToJsonString()));

        b.Clock.Advance(ZaloEventProcessor.SweepEvery);
        await b.DrainAsync();
        Assert.DoesNotContain(api.Delivered, m => m.UserId == "orphan"); // not stale yet: it may be in A's queue

        // Past StaleAfter, in steps: each sweep waits on the host's clock from where the last one ended.
        await Wait.Until(() =>
        {
            b.Clock.Advance(TimeSpan.FromSeconds(30));
            return api.Delivered.Any(m => m.UserId == "orphan");
        });
        Assert.NotEmpty(await b.WaitForMessagesAsync("orphan"));
        Assert.Empty(inbox.Pending());
    }
}
