using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Announcements;

/// <summary>The real host on a fake clock, a fake connector for its proactive messages, and the calls a
/// channel or an operator makes.</summary>
public sealed class NotifyHarness : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";

    private readonly bool _ownsConnector;

    private NotifyHarness(TestBotHost host, FakeTimeProvider clock, FakeConnector connector, bool ownsConnector)
    {
        Host = host;
        Clock = clock;
        Connector = connector;
        _ownsConnector = ownsConnector;
        Host.Client.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
    }

    public TestBotHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public FakeConnector Connector { get; }
    public IServiceProvider Services => Host.App.Services;

    /// <param name="now">Local time in Asia/Ho_Chi_Minh, e.g. "2021-05-01 10:00".</param>
    public static async Task<NotifyHarness> StartAsync(
        string now, string? dataDir = null, IEnumerable<string>? settings = null,
        Action<WebApplicationBuilder>? configure = null, FakeConnector? connector = null, FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(Local(now));
        var owns = connector is null;
        connector ??= await FakeConnector.StartAsync(clock);
        var host = await TestBotHost.StartAsync(dataDir,
            [$"Admin:ApiKey={AdminKey}", .. settings ?? []], configure, clock);
        return new NotifyHarness(host, clock, connector, owns);
    }

    public static DateTimeOffset Local(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(7));

    public void SetNow(string local) => Clock.SetUtcNow(Local(local));

    /// <summary>A user message in <paramref name="conversationId"/>; returns the bot's replies (not its traces).</summary>
    public async Task<List<JsonElement>> SayAsync(string conversationId, string text, string channelId = "emulator") =>
        (await PostAsync(new
        {
            type = "message", text, channelId, serviceUrl = Connector.ServiceUrl, deliveryMode = "expectReplies",
            id = Guid.NewGuid().ToString("N"),
            conversation = new { id = conversationId }, from = new { id = "user-1", name = "Người dùng" }, recipient = new { id = "bot" },
        })).Where(a => a.GetProperty("type").GetString() != "trace").ToList();

    /// <summary>The bot added to (or removed from) <paramref name="conversationId"/>, as Teams announces an install.</summary>
    public Task<List<JsonElement>> BotMembershipAsync(string conversationId, bool added, string channelId = "msteams") =>
        PostAsync(new
        {
            type = "conversationUpdate", channelId, serviceUrl = Connector.ServiceUrl, deliveryMode = "expectReplies",
            id = Guid.NewGuid().ToString("N"),
            conversation = new { id = conversationId }, from = new { id = "user-1" }, recipient = new { id = "bot" },
            membersAdded = added ? new[] { new { id = "bot" } } : null,
            membersRemoved = added ? null : new[] { new { id = "bot" } },
        });

    public async Task SubscribeAsync(params string[] conversationIds)
    {
        foreach (var id in conversationIds) await SayAsync(id, "đăng ký nhận thông báo");
    }

    /// <summary>POST /api/admin/announcements/run?at=...</summary>
    public async Task<(int Delivered, int Skipped, int Failed)> RunAsync(string localAt)
    {
        var at = Local(localAt).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var response = await Host.Client.PostAsync($"/api/admin/announcements/run?at={Uri.EscapeDataString(at)}", null);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("delivered").GetInt32(), json.GetProperty("skipped").GetInt32(), json.GetProperty("failed").GetInt32());
    }

    private async Task<List<JsonElement>> PostAsync(object activity)
    {
        var response = await Host.Client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(body)) return [];
        return JsonDocument.Parse(body).RootElement.GetProperty("activities").EnumerateArray().ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_ownsConnector) await Connector.DisposeAsync();
    }
}
