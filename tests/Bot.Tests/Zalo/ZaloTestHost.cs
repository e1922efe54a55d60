using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnToan.Bot.Channels;
using AnToan.Bot.Channels.Zalo;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Bot.Tests.Announcements;
using AnToan.Dialogs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Zalo;

/// <summary>The bot with its Zalo channel pointed at a <see cref="FakeZaloApi"/>, a fake clock, and a way to post signed events.</summary>
public sealed class ZaloTestHost : IAsyncDisposable
{
    public const string OaSecretKey = "oa-secret";
    public const string OaId = "oa-1";
    public const string AdminKey = "zalo-admin-key";

    private readonly bool _ownsApi;

    private ZaloTestHost(TestBotHost host, FakeZaloApi api, FakeTimeProvider clock, bool ownsApi)
    {
        Host = host;
        Api = api;
        Clock = clock;
        _ownsApi = ownsApi;
    }

    public TestBotHost Host { get; }
    public FakeZaloApi Api { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => Host.App.Services;
    public Replies Replies => Services.GetRequiredService<Replies>();

    /// <param name="accessToken">The access token in the settings; the fake's valid one is "access-0".</param>
    /// <param name="api">A fake shared with an earlier host (a restart); the caller disposes it.</param>
    /// <param name="dataDir">The LiteDB folder of an earlier host (a restart); the caller deletes it.</param>
    /// <param name="refreshToken">The refresh token in the settings; the fake's valid one is "refresh-0" until it rotates.</param>
    /// <param name="settings">Extra settings, as "Key:Sub=value". The announcement job never fires on its own: runs
    /// happen when a test asks for them (<see cref="RunAnnouncementsAsync"/>).</param>
    public static async Task<ZaloTestHost> StartAsync(
        FakeZaloApi? api = null, string accessToken = "access-0", string? dataDir = null, FakeTimeProvider? clock = null,
        Action<WebApplicationBuilder>? configure = null, string refreshToken = "refresh-0", IEnumerable<string>? settings = null)
    {
        var ownsApi = api is null;
        api ??= await FakeZaloApi.StartAsync();
        clock ??= new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var host = await TestBotHost.StartAsync(dataDir, [
            $"Zalo:AppId={FakeZaloApi.AppId}",
            $"Zalo:OaSecretKey={OaSecretKey}",
            $"Zalo:AppSecret={FakeZaloApi.AppSecret}",
            $"Zalo:AccessToken={accessToken}",
            $"Zalo:RefreshToken={refreshToken}",
            $"Zalo:ApiBaseUrl={api.BaseUrl}",
            $"Zalo:OAuthBaseUrl={api.BaseUrl}",
            $"Admin:ApiKey={AdminKey}",
            .. settings ?? [],
        ], configure, clock);
        return new ZaloTestHost(host, api, clock, ownsApi);
    }

    public JsonObject TextEvent(string userId, string text, string? msgId = null, DateTimeOffset? at = null) =>
        Event("user_send_text", userId, at, new JsonObject { ["msg_id"] = msgId ?? Guid.NewGuid().ToString("N"), ["text"] = text });

    public JsonObject Event(string eventName, string userId, DateTimeOffset? at = null, JsonObject? message = null) => new()
    {
        ["app_id"] = FakeZaloApi.AppId,
        ["user_id_by_app"] = "app-scoped-" + userId,
        ["event_name"] = eventName,
        ["timestamp"] = (at ?? Clock.GetUtcNow()).ToUnixTimeMilliseconds().ToString(),
        ["sender"] = new JsonObject { ["id"] = userId },
        ["recipient"] = new JsonObject { ["id"] = OaId },
        ["message"] = message,
    };

    /// <summary>Follow and unfollow name the user as <c>follower</c> and the OA as <c>oa_id</c>.</summary>
    public JsonObject FollowEvent(string eventName, string userId) => new()
    {
        ["oa_id"] = OaId,
        ["follower"] = new JsonObject { ["id"] = userId },
        ["user_id_by_app"] = "app-scoped-" + userId,
        ["event_name"] = eventName,
        ["source"] = "oa_profile",
        ["app_id"] = FakeZaloApi.AppId,
        ["timestamp"] = Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(),
    };

    /// <summary>Posts the event signed as Zalo signs: hex(SHA-256(app_id + body + timestamp + OA secret key)).</summary>
    public async Task<HttpStatusCode> PostAsync(JsonObject zaloEvent, string? signature = null)
    {
        var body = zaloEvent.ToJsonString();
        signature ??= "mac=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            FakeZaloApi.AppId + body + zaloEvent["timestamp"]!.GetValue<string>() + OaSecretKey)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/zalo") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature.Length > 0) request.Headers.Add("X-ZEvent-Signature", signature);
        using var response = await Host.Client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary><c>POST /api/admin/announcements/run?at=...</c>, as an operator runs delivery.</summary>
    public async Task<(int Delivered, int Skipped, int Failed)> RunAnnouncementsAsync(DateTimeOffset at)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/admin/announcements/run?at={Uri.EscapeDataString(at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))}");
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await Host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("delivered").GetInt32(), json.GetProperty("skipped").GetInt32(), json.GetProperty("failed").GetInt32());
    }

    public IProactiveChannel Proactive => Services.GetServices<IProactiveChannel>().Single(c => c.Handles(ZaloActivities.ChannelId));

    /// <summary>Sends a message through the adapter as the bot would in a turn of the user's conversation.</summary>
    /// <summary>A text message from <paramref name="userId"/>, processed; what the bot sent back.</summary>
    public async Task<IReadOnlyList<SentMessage>> TurnAsync(string userId, string text)
    {
        var before = Api.Delivered.Count(m => m.UserId == userId);
        await PostAsync(TextEvent(userId, text));
        await DrainAsync();
        return Api.Delivered.Where(m => m.UserId == userId).Skip(before).ToList();
    }

    public Task SendThroughAdapterAsync(string userId, IActivity activity) =>
        Services.GetRequiredService<ZaloAdapter>().ProcessActivityAsync(Reference(userId).GetContinuationActivity(),
            (turn, ct) => turn.SendActivityAsync(activity, ct), CancellationToken.None);

    /// <summary>The conversation reference a subscription to a Zalo user would store.</summary>
    public static ConversationReference Reference(string userId) => new()
    {
        ChannelId = ZaloActivities.ChannelId,
        Conversation = new ConversationAccount(id: userId),
        User = new ChannelAccount(userId),
        Bot = new ChannelAccount(OaId),
    };

    /// <summary>Waits for the messages posted to a user, processing being off the request path.</summary>
    public async Task<IReadOnlyList<SentMessage>> WaitForMessagesAsync(string userId, int count = 1)
    {
        await Wait.Until(() => Api.Delivered.Count(m => m.UserId == userId) >= count);
        return Api.Delivered.Where(m => m.UserId == userId).ToList();
    }

    /// <summary>Events run in arrival order: once a later event is answered, an earlier one that was going to be is too.</summary>
    public async Task DrainAsync()
    {
        var barrier = "barrier-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(TextEvent(barrier, "?")));
        await WaitForMessagesAsync(barrier);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_ownsApi) await Api.DisposeAsync();
    }
}
