using System.Net;
using System.Text;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.Hosting;

/// <summary>Bad input on /api/messages gets a 4xx or a polite reply, never a 500 or a stack trace.</summary>
public sealed class InputHardeningTests
{
    private const string StackTraceMarker = "   at ";

    private static JObject Message(string type, string? text = null)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "test",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JObject { ["id"] = "user-1", ["role"] = "user" },
            ["recipient"] = new JObject { ["id"] = "bot-1", ["role"] = "bot" },
            ["conversation"] = new JObject { ["id"] = "conversation-" + Guid.NewGuid() },
        };
        if (text is not null) activity["text"] = text;
        return activity;
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(TestBotHost host, HttpContent content)
    {
        using var response = await host.Client.PostAsync("/api/messages", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(StackTraceMarker, body);
        return (response.StatusCode, body);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{ \"type\": \"message\", ")]
    [InlineData("<activity/>")]
    [InlineData("")]
    [InlineData("[{ \"type\": \"message\" }]")]
    [InlineData("\"message\"")]
    public async Task MalformedJson_Is400(string body)
    {
        await using var host = await TestBotHost.StartAsync();

        var (status, _) = await PostAsync(host, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task MissingType_Is400()
    {
        await using var host = await TestBotHost.StartAsync();
        var activity = Message("message", "hi");
        activity.Remove("type");

        var (status, _) = await PostAsync(host, Json(activity.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task OversizeBody_WithContentLength_Is413()
    {
        await using var host = await TestBotHost.StartAsync(settings: ["Bot:MaxRequestBodyBytes=4096"]);

        var (status, _) = await PostAsync(host, Json(Message("message", new string('a', 10_000)).ToString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task OversizeBody_Chunked_Is413()
    {
        await using var host = await TestBotHost.StartAsync(settings: ["Bot:MaxRequestBodyBytes=4096"]);
        var bytes = Encoding.UTF8.GetBytes(Message("message", new string('a', 10_000)).ToString());
        // A stream of unknown length makes HttpClient send the body chunked, without Content-Length.
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new("application/json");

        var (status, _) = await PostAsync(host, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task OversizeBody_OnWebChat_Is413()
    {
        await using var host = await TestBotHost.StartAsync(settings: ["Bot:MaxRequestBodyBytes=4096"]);
        var body = new JObject { ["text"] = new string('a', 10_000) }.ToString();
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");

        using var response = await host.Client.PostAsync("/api/web/conversations", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain(StackTraceMarker, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownActivityType_IsAcceptedAndIgnored()
    {
        await using var host = await TestBotHost.StartAsync();

        var (status, body) = await PostAsync(host, Json(Message("somethingNew", "hi").ToString()));

        Assert.True((int)status is >= 200 and < 300, $"status {status}");
        var activities = string.IsNullOrEmpty(body) ? [] : (JArray?)JObject.Parse(body)["activities"] ?? [];
        Assert.Empty(activities);
    }

    [Fact]
    public async Task VeryLongText_IsCutAndAnswered()
    {
        await using var host = await TestBotHost.StartAsync(settings: ["Bot:MaxRequestBodyBytes=1048576"]);

        var (status, body) = await PostAsync(host, Json(Message("message", new string('x', 100_000)).ToString()));

        Assert.Equal(HttpStatusCode.OK, status);
        // The emulator channel also gets the knowledge trace; the user sees the one message.
        var activities = (JArray)JObject.Parse(body)["activities"]!;
        var reply = Assert.Single(activities, a => (string?)a["type"] == "message");
        Assert.False(string.IsNullOrWhiteSpace((string?)reply["text"]));
        // What the bot read is the text cut at Bot:MaxTextLength (1000 by default), as the trace shows it.
        var trace = Assert.Single(activities, a => (string?)a["type"] == "trace");
        Assert.Equal(new string('x', 1000), (string?)trace["value"]!["query"]);
    }

    [Theory]
    [InlineData("PAD999", "\\ud83d\\ude00")] // 999 letters and an emoji: the cap falls inside the surrogate pair
    [InlineData("", "tr\\u1ee3 gi\\u00fap \\ud800")] // a lone high surrogate
    [InlineData("", "\\udc00 tr\\u1ee3 gi\\u00fap")] // a lone low surrogate
    public async Task TextWithBrokenOrCutSurrogates_IsAnswered_NotApologisedFor(string padding, string jsonEscapedText)
    {
        await using var host = await TestBotHost.StartAsync();
        var apology = host.App.Services.GetRequiredService<AnToan.Dialogs.Replies>().WithMenu("error").Text;
        var text = (padding == "PAD999" ? new string('a', 999) : "") + jsonEscapedText;
        var json = Message("message", "TEXT").ToString().Replace("\"TEXT\"", "\"" + text + "\"", StringComparison.Ordinal);

        var (status, body) = await PostAsync(host, Json(json));

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single((JArray)JObject.Parse(body)["activities"]!, a => (string?)a["type"] == "message");
        Assert.False(string.IsNullOrWhiteSpace((string?)reply["text"]));
        Assert.NotEqual(apology, (string?)reply["text"]);
    }

    [Theory]
    [InlineData("abc", 2, "ab")]
    [InlineData("a\ud83d\ude00", 2, "a")]
    [InlineData("a\ud83d\ude00", 3, "a\ud83d\ude00")]
    [InlineData("e\u0301e\u0301", 3, "e\u0301")]
    [InlineData("x<D800>y", 10, "x\ufffdy")]
    [InlineData("<DE00><D83D>", 10, "\ufffd\ufffd")]
    public void Clean_CutsOnTextElements_AndReplacesLoneSurrogates(string text, int max, string expected) =>
        // Attribute strings cannot hold a lone surrogate: "<D800>" stands for one.
        Assert.Equal(expected, AnToan.Bot.Channels.TextLimitMiddleware.Clean(
            System.Text.RegularExpressions.Regex.Replace(text, "<([0-9A-F]{4})>", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()), max));

    [Theory]
    [InlineData(false, HttpStatusCode.Forbidden)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task AnonymousRequest_FromARemoteClient_IsRefusedUnlessAllowed(bool allowed, HttpStatusCode expected)
    {
        await using var host = await TestBotHost.StartAsync(settings: [$"Bot:AllowAnonymousRemoteClients={allowed}"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(Message("message", "trợ giúp").ToString()) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        // From this machine it is always accepted.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, Json(Message("message", "trợ giúp").ToString()))).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("/relative/path")]
    public async Task MissingOrInvalidServiceUrl_Is400(string? serviceUrl)
    {
        await using var host = await TestBotHost.StartAsync();
        var activity = Message("message", "trợ giúp");
        if (serviceUrl is null) activity.Remove("serviceUrl"); else activity["serviceUrl"] = serviceUrl;

        var (status, body) = await PostAsync(host, Json(activity.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("serviceUrl", body);
    }

    [Theory]
    [InlineData("Bearer garbage.garbage.garbage")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.garbage.")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task UnreadableAuthorization_Is401(string authorization)
    {
        await using var host = await TestBotHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(Message("message", "trợ giúp").ToString()) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(StackTraceMarker, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("from")]
    [InlineData("recipient")]
    public async Task IdsOverTheLimit_Are400(string account)
    {
        await using var host = await TestBotHost.StartAsync();
        var activity = Message("message", "đăng ký nhận thông báo");
        activity[account]!["id"] = new string('c', 3000);

        var (status, body) = await PostAsync(host, Json(activity.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"{account}.id", body);
    }

    [Fact]
    public async Task ALongIdOutsideTheCheckedPaths_IsAnswered()
    {
        // Only the activity's own ids and those of its accounts are stored under; an "id" elsewhere is not checked.
        await using var host = await TestBotHost.StartAsync();
        var activity = Message("message", "trợ giúp");
        activity["channelData"] = new JObject { ["id"] = new string('c', 3000), ["conversation"] = new JObject { ["id"] = new string('c', 3000) } };
        activity["entities"] = new JArray(new JObject { ["id"] = new string('c', 3000) });

        var (status, body) = await PostAsync(host, Json(activity.ToString()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"type\": \"message\"", body);
    }

    [Fact]
    public async Task ABodyWithAByteOrderMark_IsAnswered()
    {
        await using var host = await TestBotHost.StartAsync();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Message("message", "trợ giúp").ToString())).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        var (status, body) = await PostAsync(host, content);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"type\": \"message\"", body);
    }

    [Fact]
    public async Task Healthz_Is200()
    {
        await using var host = await TestBotHost.StartAsync();

        using var response = await host.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A readable stream that does not tell its length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }

    [Theory]
    [InlineData("http://10.0.0.5/", false, 0)]
    [InlineData("https://smba.trafficmanager.net/apac/", false, 0)]
    [InlineData("https://smba.trafficmanager.net/apac/", true, 1)]
    [InlineData("http://127.0.0.1:9/", false, 1)]
    [InlineData("http://localhost:9/", false, 1)]
    public async Task AnonymousTurn_ForARemoteServiceUrl_IsRefusedUnlessAllowed(string serviceUrl, bool allowed, int replies)
    {
        await using var host = await TestBotHost.StartAsync(settings: [$"Bot:AllowAnonymousRemoteServiceUrls={allowed}"]);
        var activity = Message("message", "trợ giúp");
        activity["serviceUrl"] = serviceUrl;

        var (status, body) = await PostAsync(host, Json(activity.ToString()));

        Assert.True((int)status is >= 200 and < 300, $"status {status}");
        var activities = string.IsNullOrEmpty(body) ? [] : (JArray?)JObject.Parse(body)["activities"] ?? [];
        Assert.Equal(replies, activities.Count(a => (string?)a["type"] == "message"));
    }
}
