using System.Net;
using AnToan.Bot.Channels;
using AnToan.Bot.Channels.WebChat;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.WebChat;

public sealed class WebChatApiTests
{
    [Fact]
    public async Task NewConversation_GetsWelcomeWithMenuButtons()
    {
        await using var host = await TestBotHost.StartAsync();
        var replies = host.App.Services.GetRequiredService<Replies>();

        var started = await new WebChatClient(host.Client).StartAsync("""{ "userName": "Lan" }""");

        var welcome = Assert.Single((JArray)started["activities"]!);
        Assert.Equal(replies.WithMenu("welcome", new { UserName = "Lan" }).Text, (string?)welcome["text"]);
        Assert.Contains("Lan", (string?)welcome["text"]);
        Assert.Equal(replies.Content.Ui.Menu.Select(b => b.Value), welcome["suggestedActions"]!["actions"]!.Select(a => (string?)a["value"]));
        Assert.Equal("web", (string?)welcome["channelId"]);
        Assert.Matches("^[0-9a-f]{32}$", (string?)started["conversationId"]);
    }

    [Fact]
    public async Task NewConversations_GetDistinctIds_AndAreNeverListed()
    {
        await using var host = await TestBotHost.StartAsync();
        var chat = new WebChatClient(host.Client);

        var first = (string)(await chat.StartAsync(""))["conversationId"]!;
        var second = (string)(await chat.StartAsync())["conversationId"]!;

        Assert.NotEqual(first, second);
        var list = await host.Client.GetAsync(WebChatClient.Base);
        Assert.DoesNotContain(first, await list.Content.ReadAsStringAsync());
        Assert.True(list.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Help_GetsTheHelpWithMenu()
    {
        await using var host = await TestBotHost.StartAsync();
        var replies = host.App.Services.GetRequiredService<Replies>();
        var chat = new WebChatClient(host.Client);
        var id = (string)(await chat.StartAsync())["conversationId"]!;

        var reply = Assert.Single(await chat.SayAsync(id, "trợ giúp"));

        Assert.Equal(replies.WithMenu("help").Text, (string?)reply["text"]);
        Assert.NotEmpty(reply["suggestedActions"]!["actions"]!);
        Assert.Equal(id, (string?)reply["conversation"]!["id"]);
    }

    [Fact]
    public async Task ButtonValue_WithoutText_IsAccepted()
    {
        await using var host = await TestBotHost.StartAsync();
        var replies = host.App.Services.GetRequiredService<Replies>();
        var chat = new WebChatClient(host.Client);
        var id = (string)(await chat.StartAsync())["conversationId"]!;

        var response = await chat.PostAsync(id, """{ "value": { "action": "noop" } }""");

        // Taken as a message like any other (a message with neither text nor value is refused): with no words to
        // look up, it gets the help menu, not the "unsupported" reply.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single((JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!);
        Assert.Equal(replies.WithMenu(DialogTemplates.Help).Text, (string?)reply["text"]);
        Assert.Equal(id, (string?)reply["conversation"]!["id"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await chat.PostAsync(id, """{ "value": null }""")).StatusCode);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")] // well-formed, never issued
    [InlineData("not-an-id")]
    [InlineData("..%2F..%2Fetc")]
    public async Task UnknownConversation_Is404Everywhere(string id)
    {
        await using var host = await TestBotHost.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await new WebChatClient(host.Client).PostAsync(id, """{ "text": "hi" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"{WebChatClient.Base}/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"{WebChatClient.Base}/{id}/events")).StatusCode);
    }

    [Fact]
    public async Task ConversationId_InOtherCase_IsNotAccepted()
    {
        // LiteDB compares strings case-insensitively by default; an id must match exactly.
        await using var host = await TestBotHost.StartAsync();
        var chat = new WebChatClient(host.Client);
        var id = (string)(await chat.StartAsync())["conversationId"]!;

        var response = await chat.PostAsync(id.ToUpperInvariant(), """{ "text": "hi" }""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ }""")]                        // neither text nor value
    [InlineData("""{ "text": "   " }""")]
    [InlineData("""{ "text": null, "value": null }""")]
    [InlineData("""{ "text": 42 }""")]             // text must be a string
    [InlineData("""{ "text": "hi", "userId": "x" }""")] // malformed user id
    [InlineData("""{ "text": "hi" """)]            // malformed JSON
    [InlineData("""{ "text": "hi" } trailing""")]
    [InlineData("""[ "hi" ]""")]
    [InlineData("not json")]
    public async Task BadMessage_Is400_WithoutStackTrace(string body)
    {
        await using var host = await TestBotHost.StartAsync();
        var chat = new WebChatClient(host.Client);
        var id = (string)(await chat.StartAsync())["conversationId"]!;

        var response = await chat.PostAsync(id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MalformedStartBody_Is400()
    {
        await using var host = await TestBotHost.StartAsync();

        var response = await host.Client.PostAsync(WebChatClient.Base, new StringContent("{ \"userName\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task History_SurvivesRestart()
    {
        var dataDir = Directory.CreateTempSubdirectory("antoan-webchat-").FullName;
        try
        {
            string id;
            string helpText;
            await using (var first = await TestBotHost.StartAsync(dataDir))
            {
                var chat = new WebChatClient(first.Client);
                id = (string)(await chat.StartAsync())["conversationId"]!;
                helpText = (string)(await chat.SayAsync(id, "trợ giúp"))[0]["text"]!;
            }

            await using var second = await TestBotHost.StartAsync(dataDir);
            var history = await new WebChatClient(second.Client).HistoryAsync(id);

            Assert.Equal(["bot", "user", "bot"], history.Select(a => (string?)a["from"]!["role"]));
            Assert.Equal("trợ giúp", (string?)history[1]["text"]);
            Assert.Equal(helpText, (string?)history[2]["text"]);
            Assert.NotNull(history[2]["suggestedActions"]);
        }
        finally
        {
            Directory.Delete(dataDir, true);
        }
    }

    [Fact]
    public async Task LongText_IsCutBeforeItIsKept()
    {
        await using var host = await TestBotHost.StartAsync(settings: ["Bot:MaxTextLength=50"]);
        var chat = new WebChatClient(host.Client);
        var id = (string)(await chat.StartAsync())["conversationId"]!;

        Assert.NotEmpty(await chat.SayAsync(id, new string('x', 5000)));

        Assert.Equal(new string('x', 50), (string?)(await chat.HistoryAsync(id))[1]["text"]);
    }

    [Fact]
    public async Task History_KeepsTheLast100Activities()
    {
        await using var host = await TestBotHost.StartAsync();
        var chat = new WebChatClient(host.Client);
        var id = (string)(await chat.StartAsync())["conversationId"]!;

        for (var i = 1; i <= 55; i++) await chat.SayAsync(id, $"message {i}");
        var history = await chat.HistoryAsync(id);

        Assert.Equal(WebChatStore.TranscriptLength, history.Count);
        Assert.Equal("message 6", (string?)history[0]["text"]); // welcome and the first 5 exchanges fell off
        Assert.Equal("message 55", (string?)history[history.Count - 2]["text"]);
    }

    [Fact]
    public async Task ProactiveMessage_ReachesEventStream_AndHistory()
    {
        await using var host = await TestBotHost.StartAsync();
        var chat = new WebChatClient(host.Client);
        var started = await chat.StartAsync();
        var id = (string)started["conversationId"]!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{WebChatClient.Base}/{id}/events"), HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cts.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(cts.Token));

        var channel = host.App.Services.GetServices<IProactiveChannel>().Single(c => c.Handles("web"));
        var reference = new ConversationReference
        {
            ChannelId = "web",
            Conversation = new ConversationAccount(id: id),
            User = new ChannelAccount((string)started["userId"]!),
            Bot = WebChatAdapter.BotAccount,
        };
        var result = await channel.SendAsync(reference, MessageFactory.Text("Announcement 42"), cts.Token);

        Assert.Equal(ProactiveOutcome.Delivered, result.Outcome);
        string? line;
        do line = await reader.ReadLineAsync(cts.Token); while (line is not null && !line.StartsWith("data: "));
        var pushed = JObject.Parse(line![6..]);
        Assert.Equal("Announcement 42", (string?)pushed["text"]);
        Assert.Equal(id, (string?)pushed["conversation"]!["id"]);
        Assert.Equal("Announcement 42", (string?)(await chat.HistoryAsync(id)).Last()["text"]);
    }

    [Fact]
    public async Task ProactiveMessage_ToUnknownConversation_IsGone()
    {
        await using var host = await TestBotHost.StartAsync();
        var channel = host.App.Services.GetServices<IProactiveChannel>().Single(c => c.Handles("web"));
        var reference = new ConversationReference { ChannelId = "web", Conversation = new ConversationAccount(id: WebChatStore.NewId()) };

        var result = await channel.SendAsync(reference, MessageFactory.Text("x"), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Gone, result.Outcome);
        Assert.False(channel.Handles("msteams"));
    }
}
