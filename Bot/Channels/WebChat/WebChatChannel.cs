using AnToan.Bot.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>The web chat's endpoints under /api/web/conversations; the page at / is their only client.</summary>
public static class WebChatChannel
{
    /// <summary>Comments sent on an idle event stream so that proxies and browsers keep it open.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    /// <summary>Longest display name kept; it only greets the user.</summary>
    private const int MaxUserNameLength = 100;

    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.Section))
            .Validate(o => o.ConversationsPerMinute > 0 && o.MessagesPerMinute > 0, "WebChat:ConversationsPerMinute and WebChat:MessagesPerMinute must be positive")
            .ValidateOnStart();
        services.AddWebChatRateLimits();
        // Singletons: the store wraps the one LiteDB or the database's pool, the event hub holds this instance's open
        // streams, the adapter keeps no turn state.
        services.AddSingleton<WebChatEvents>();
        if (StorageServices.UsesPostgres(configuration))
        {
            // Shared: any instance may serve a page's requests, and its stream may be open on another than the sender.
            services.AddSingleton<IWebChatStore, PostgresWebChatStore>();
            services.AddSingleton<IWebChatBroadcast, PostgresWebChatBroadcast>();
            services.AddHostedService<PostgresWebChatListener>();
        }
        else
        {
            services.AddSingleton<IWebChatStore, LiteWebChatStore>();
            services.AddSingleton<IWebChatBroadcast>(sp => sp.GetRequiredService<WebChatEvents>());
        }
        services.AddSingleton<WebChatAdapter>();
        services.AddSingleton<IProactiveChannel, WebChatProactiveChannel>();
        return services;
    }

    public static void MapWebChat(this WebApplication app)
    {
        var conversations = app.MapGroup("/api/web/conversations");
        conversations.MapPost("", StartAsync).RequireRateLimiting(WebChatRateLimits.Conversations);
        conversations.MapPost("/{id}/messages", SendAsync).RequireRateLimiting(WebChatRateLimits.Messages);
        conversations.MapGet("/{id}/history", History);
        conversations.MapGet("/{id}/events", StreamAsync);
    }

    /// <summary>A new conversation and the bot's welcome. Body (optional): <c>{ userName?, userId? }</c>.</summary>
    private static async Task<IResult> StartAsync(HttpRequest request, IWebChatStore store, WebChatAdapter adapter, IBot bot, TimeProvider time, CancellationToken ct)
    {
        var body = await ReadBodyAsync(request, ct);
        if (body is null || !TryGetUserId(body, out var userId) || !TryGetString(body, "userName", out var userName)) return Results.BadRequest();
        userName = userName?.Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, MaxUserNameLength)] : null;
        var conversation = store.Create(userId ?? WebChatStore.NewId(), userName, time.GetUtcNow());
        var user = User(conversation, null);
        var activity = new Activity(ActivityTypes.ConversationUpdate)
        {
            From = user,
            Conversation = new ConversationAccount(id: conversation.Id),
            MembersAdded = [user],
        };
        var replies = await adapter.ProcessAsync(activity, bot, ct);
        return Json(new JObject
        {
            ["conversationId"] = conversation.Id,
            ["userId"] = conversation.UserId,
            ["activities"] = ActivityArray(replies.Select(WebChatStore.Serialize)),
        });
    }

    /// <summary>One message from the page. Body: <c>{ text?, value?, userId? }</c>; answers with the bot's replies.</summary>
    private static async Task<IResult> SendAsync(string id, HttpRequest request, IWebChatStore store, WebChatAdapter adapter, IBot bot, CancellationToken ct)
    {
        if (store.Find(id) is not { } conversation) return Results.NotFound();
        var body = await ReadBodyAsync(request, ct);
        if (body is null || !TryGetUserId(body, out var userId) || !TryGetString(body, "text", out var text)) return Results.BadRequest();
        var value = body["value"] is { Type: not JTokenType.Null } v ? v : null;
        if (string.IsNullOrWhiteSpace(text) && value is null) return Results.BadRequest();
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = text,
            Value = value,
            TextFormat = TextFormatTypes.Plain,
            From = User(conversation, userId),
            Conversation = new ConversationAccount(id: conversation.Id),
        };
        var replies = await adapter.ProcessAsync(activity, bot, ct);
        return Json(new JObject { ["activities"] = ActivityArray(replies.Select(WebChatStore.Serialize)) });
    }

    private static IResult History(string id, IWebChatStore store) =>
        store.Find(id) is null
            ? Results.NotFound()
            : Json(new JObject { ["activities"] = ActivityArray(store.History(id)) });

    /// <summary>Server-sent events: every activity the bot sends to the conversation outside a request, as <c>data: json</c>.</summary>
    /// <remarks>The stream also ends when the host stops; otherwise a graceful shutdown waits for every open page.</remarks>
    private static async Task StreamAsync(string id, HttpContext http, IWebChatStore store, WebChatEvents events, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        if (store.Find(id) is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        using var end = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = end.Token;
        using var subscription = events.Subscribe(id);
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            // Written once subscribed: a client that sees it will miss nothing sent from then on.
            await WriteAsync(": connected\n\n");
            var pending = subscription.Reader.WaitToReadAsync(ct).AsTask();
            while (true)
            {
                var idle = Task.Delay(KeepAlive, time, ct);
                if (await Task.WhenAny(pending, idle) != pending)
                {
                    ct.ThrowIfCancellationRequested();
                    await WriteAsync(": keep-alive\n\n");
                    continue;
                }
                if (!await pending) return;
                while (subscription.Reader.TryRead(out var json)) await WriteAsync($"data: {json}\n\n");
                pending = subscription.Reader.WaitToReadAsync(ct).AsTask();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away or the host is stopping.
        }

        async Task WriteAsync(string text)
        {
            await http.Response.WriteAsync(text, ct);
            await http.Response.Body.FlushAsync(ct);
        }
    }

    private static ChannelAccount User(WebConversation conversation, string? userId) =>
        new(userId ?? conversation.UserId, conversation.UserName, RoleTypes.User);

    /// <returns>The body as a JSON object (an empty one when there is no body), or null when it is not one.</returns>
    private static async Task<JObject?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            using var json = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 32 };
            var token = JToken.ReadFrom(json);
            return json.Read() ? null : token as JObject; // trailing content is malformed too
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private static bool TryGetString(JObject body, string name, out string? value)
    {
        value = null;
        switch (body[name])
        {
            case null or { Type: JTokenType.Null }: return true;
            case { Type: JTokenType.String } token: value = (string?)token; return true;
            default: return false;
        }
    }

    /// <summary>A user id, when given, has the same strict form as a conversation id.</summary>
    private static bool TryGetUserId(JObject body, out string? userId) =>
        TryGetString(body, "userId", out userId) && (userId is null || WebChatStore.IsValidId(userId));

    private static JArray ActivityArray(IEnumerable<string> activities) => new(activities.Select(a => new JRaw(a)));

    private static IResult Json(JObject body) => Results.Text(body.ToString(Formatting.None), "application/json", System.Text.Encoding.UTF8);
}
