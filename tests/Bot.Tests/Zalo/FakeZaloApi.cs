using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AnToan.Bot.Tests.Zalo;

/// <summary>Zalo's message and token endpoints on 127.0.0.1, recording every call and scriptable to fail.</summary>
public sealed class FakeZaloApi : IAsyncDisposable
{
    public const string AppId = "app-1";
    public const string AppSecret = "app-secret";

    private readonly Lock _tokenGate = new();
    private string _accessToken = "access-0";
    private string _refreshToken = "refresh-0";
    private int _generation;
    private int _messageIds;
    private LoopbackServer _server = null!;

    private FakeZaloApi() { }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every call to the message endpoint, refused ones included.</summary>
    public ConcurrentQueue<SentMessage> Calls { get; } = new();

    /// <summary>The messages Zalo accepted.</summary>
    public IReadOnlyList<SentMessage> Delivered => Calls.Where(c => c.Error == 0).ToList();

    /// <summary>Errors the next calls answer with (HTTP 200, as Zalo does), one per call.</summary>
    public ConcurrentQueue<int> ScriptedErrors { get; } = new();

    /// <summary>What a wrong access token gets: -216 (invalid) or -220 (expired).</summary>
    public int RejectedTokenError { get; set; } = -216;

    public int Refreshes;

    /// <summary>How long the token endpoint thinks before answering: lets concurrent senders pile up.</summary>
    public TimeSpan RefreshDelay { get; set; }

    /// <summary>When set, message calls wait for it before answering.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Message calls waiting on <see cref="Hold"/>.</summary>
    public int HeldCalls;

    public string AccessToken { get { lock (_tokenGate) return _accessToken; } }
    public string RefreshToken { get { lock (_tokenGate) return _refreshToken; } }

    public static async Task<FakeZaloApi> StartAsync()
    {
        var fake = new FakeZaloApi();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3.0/oa/message/cs", fake.SendAsync);
            app.MapPost("/v4/oa/access_token", fake.RefreshAsync);
        });
        fake.BaseUrl = fake._server.Address;
        return fake;
    }

    private async Task<IResult> SendAsync(HttpRequest request)
    {
        var body = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
        var token = request.Headers["access_token"].ToString();
        if (Hold is { } hold)
        {
            Interlocked.Increment(ref HeldCalls);
            await hold.Task;
        }
        var error = token != AccessToken ? RejectedTokenError : ScriptedErrors.TryDequeue(out var scripted) ? scripted : 0;
        Calls.Enqueue(new SentMessage(token, body["recipient"]!["user_id"]!.GetValue<string>(), body["message"]!.AsObject(), error));
        return error == 0
            ? Results.Json(new { error = 0, message = "Success", data = new { message_id = $"m-{Interlocked.Increment(ref _messageIds)}" } })
            : Results.Json(new { error, message = "Scripted failure" });
    }

    private async Task<IResult> RefreshAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        await Task.Delay(RefreshDelay);
        lock (_tokenGate)
        {
            if (request.Headers["secret_key"] != AppSecret || form["app_id"] != AppId || form["grant_type"] != "refresh_token" || form["refresh_token"] != _refreshToken)
                return Results.Json(new { error = -14014, error_name = "Invalid refresh token", error_description = "Refresh token is invalid" });
            Interlocked.Increment(ref Refreshes);
            _generation++;
            _accessToken = $"access-{_generation}";
            _refreshToken = $"refresh-{_generation}";
            return Results.Json(new { access_token = _accessToken, refresh_token = _refreshToken, expires_in = "90000" });
        }
    }

    public async ValueTask DisposeAsync()
    {
        Hold?.TrySetResult();
        await _server.DisposeAsync();
    }
}

public sealed record SentMessage(string AccessToken, string UserId, JsonObject Message, int Error)
{
    public string? Text => Message["text"]?.GetValue<string>();

    public IReadOnlyList<JsonObject> Buttons =>
        Message["attachment"]?["payload"]?["buttons"]?.AsArray().Select(b => b!.AsObject()).ToList() ?? [];
}
