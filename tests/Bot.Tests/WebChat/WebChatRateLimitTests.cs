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

    [Fact]
    public async Task Ipv6Addresses_OfOneSlash64_ShareOneLimit()
    {
        await using var host = await TestBotHost.StartAsync(settings: ["WebChat:ConversationsPerMinute=10"]);

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 30; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, WebChatClient.Base) { Content = new StringContent("{}") };
            request.Headers.Add("X-Forwarded-For", $"2001:db8:42:1::{i:x}");
            statuses.Add((await host.Client.SendAsync(request)).StatusCode);
        }
        var other = new HttpRequestMessage(HttpMethod.Post, WebChatClient.Base) { Content = new StringContent("{}") };
        other.Headers.Add("X-Forwarded-For", "2001:db8:42:2::1");

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(other)).StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.5", "203.0.113.5")]
    [InlineData("::ffff:203.0.113.5", "203.0.113.5")]
    [InlineData("2001:db8:42:1:aaaa:bbbb:cccc:dddd", "2001:db8:42:1::/64")]
    [InlineData("::1", "::/64")]
    public void ClientAddressKey_IsTheIpv4Address_OrTheIpv6Slash64(string address, string key) =>
        Assert.Equal(key, AnToan.Bot.Hosting.ClientAddress.KeyOf(IPAddress.Parse(address)));
}
