using System.Net;
using AnToan.Bot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.WebChat;

/// <summary>One client address cannot open conversations or send messages without limit.</summary>
public sealed class WebChatRateLimitTests
{
    [Fact]
    public async Task StartingConversations_BeyondTheLimit_Gets429WithRetryAfter()
    {
        await using var host = await TestBotHost.StartAsync(settings: ["WebChat:ConversationsPerMinute=3"]);
        var chat = new WebChatClient(host.Client);
        for (var i = 0; i < 3; i++) await chat.StartAsync();

        var refused = await host.Client.PostAsync(WebChatClient.Base, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Messages_BeyondTheLimit_Get429_WhileOtherEndpointsStillAnswer()
    {
        await using var host = await TestBotHost.StartAsync(settings: ["WebChat:MessagesPerMinute=2"]);
        var chat = new WebChatClient(host.Client);
        var id = (string)(await chat.StartAsync())["conversationId"]!;
        await chat.SayAsync(id, "trợ giúp");
        await chat.SayAsync(id, "trợ giúp");

        var refused = await chat.PostAsync(id, new JObject { ["text"] = "trợ giúp" }.ToString());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        await chat.StartAsync();
        await chat.HistoryAsync(id);
    }
}
