using System.Net;
using System.Text;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs;
using AnToan.Dialogs.Flows;
using AnToan.Dialogs.Units;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.WebChat;

/// <summary>A new conversation for every guess does not escape the wrong-code lock: codes are counted per client
/// address (IPv6 by /64) across conversations too.</summary>
public sealed class JoinCodeThrottleTests
{
    private static async Task<string> SayInANewConversationAsync(TestBotHost host, string address, string text)
    {
        async Task<JObject> PostAsync(string path, JObject body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JObject.Parse(await response.Content.ReadAsStringAsync());
        }
        var id = (string)(await PostAsync(WebChatClient.Base, []))["conversationId"]!;
        var replies = (JArray)(await PostAsync($"{WebChatClient.Base}/{id}/messages", new JObject { ["text"] = text }))["activities"]!;
        return string.Join("\n", replies.Select(r => (string?)r["text"]));
    }

    [Fact]
    public async Task WrongCodes_FromOneAddress_InManyConversations_LockJoiningFromThatAddress()
    {
        await using var host = await TestBotHost.StartAsync(settings: ["WebChat:ConversationsPerMinute=1000", "WebChat:MessagesPerMinute=1000"]);
        var unit = await host.App.Services.GetRequiredService<IUnitStore>()
            .CreateAsync(new NewUnit("Trường THCS Lê Lợi", "nha-truong", 40), new MemberKey("test", "creator"), "Creator", default);

        for (var i = 0; i < JoinThrottle.MaxFailuresPerAddress; i++)
            Assert.DoesNotContain(unit.Name, await SayInANewConversationAsync(host, $"2001:db8:5:6::{i + 1:x}", "tham gia ZZZ99" + (char)('A' + i % 26)));

        var locked = host.App.Services.GetRequiredService<Replies>().Content.Templates.Render("dialog-join-locked", new { Minutes = 60 }).Trim();
        var refused = await SayInANewConversationAsync(host, "2001:db8:5:6::ffff", $"tham gia {unit.JoinCode}");
        Assert.DoesNotContain(unit.Name, refused);
        Assert.Contains(locked, refused);
        Assert.Contains(unit.Name, await SayInANewConversationAsync(host, "2001:db8:5:7::1", $"tham gia {unit.JoinCode}"));
    }
}
