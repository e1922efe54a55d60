using System.Collections.Concurrent;
using System.Text.Json;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AnToan.Bot.Tests.Announcements;

/// <summary>A Bot Framework connector on 127.0.0.1: records what the bot posts to conversations and answers
/// as told (200 by default; 429 with Retry-After, 403, 500, or a hang, per request).</summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly TimeProvider _clock;
    private LoopbackServer _server = null!;

    private FakeConnector(TimeProvider clock) => _clock = clock;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Every POST received, in order, whatever was answered.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Decides the answer to each request; null = 200.</summary>
    public Func<Received, Task<Answer>>? Respond { get; set; }

    public IReadOnlyList<Received> For(string conversationId) => Requests.Where(r => r.ConversationId == conversationId).ToList();

    public static async Task<FakeConnector> StartAsync(TimeProvider? clock = null)
    {
        var connector = new FakeConnector(clock ?? TimeProvider.System);
        connector._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities", connector.HandleAsync);
            // Replies within a turn go to the activity they answer.
            app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (string conversationId, HttpRequest request) => connector.HandleAsync(conversationId, request));
        });
        connector.ServiceUrl = connector._server.Address + "/";
        return connector;
    }

    /// <summary>Waits (real time) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task WaitForAsync(int count, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (Requests.Count < count)
        {
            if (Environment.TickCount64 > deadline) throw new TimeoutException($"{Requests.Count} of {count} requests arrived");
            await Task.Delay(10);
        }
    }

    private async Task<IResult> HandleAsync(string conversationId, HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        var received = new Received(conversationId,
            root.TryGetProperty("id", out var id) ? id.GetString() : null,
            root.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "",
            _clock.GetUtcNow(),
            request.Headers.Authorization.ToString());
        Requests.Enqueue(received);
        var answer = Respond is null ? Answer.Ok : await Respond(received);
        if (answer.Status == 200) return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
        if (answer.RetryAfterSeconds is { } seconds) request.HttpContext.Response.Headers.RetryAfter = seconds.ToString();
        return Results.Json(new { error = new { code = "Fake" + answer.Status, message = "fake connector" } }, statusCode: answer.Status);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public sealed record Received(string ConversationId, string? ActivityId, string Text, DateTimeOffset At, string Authorization);

    public sealed record Answer(int Status, int? RetryAfterSeconds = null)
    {
        public static readonly Answer Ok = new(200);
    }
}
