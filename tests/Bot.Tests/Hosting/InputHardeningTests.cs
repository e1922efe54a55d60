using System.Net;
using System.Text;
using AnToan.Bot.Tests.Infrastructure;
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
        var reply = Assert.Single((JArray)JObject.Parse(body)["activities"]!, a => (string?)a["type"] == "message");
        Assert.False(string.IsNullOrWhiteSpace((string?)reply["text"]));
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
