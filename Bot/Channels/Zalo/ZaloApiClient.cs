using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnToan.Dialogs.Engine;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Sends consultation messages ("tin tư vấn") and reads Zalo's answer into a delivery outcome.</summary>
/// <remarks>Zalo reports failures in the <c>error</c> field, often with HTTP 200: the status code alone says nothing.</remarks>
public sealed class ZaloApiClient
{
    public const string HttpClientName = "zalo";

    private readonly ZaloTokenProvider _tokens;
    private readonly IZaloUserStore _users;
    private readonly IHttpClientFactory _httpClients;
    private readonly ZaloOptions _options;
    private readonly LocalClock _clock;
    private readonly ILogger<ZaloApiClient> _logger;
    private long _pausedUntilMs;

    public ZaloApiClient(ZaloTokenProvider tokens, IZaloUserStore users, IHttpClientFactory httpClients, IOptions<ZaloOptions> options,
        LocalClock clock, ILogger<ZaloApiClient> logger)
    {
        _tokens = tokens;
        _users = users;
        _httpClients = httpClients;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <param name="message">The <c>message</c> object: text and, optionally, a button attachment.</param>
    public async Task<ZaloSendResult> SendAsync(string userId, JsonObject message, CancellationToken cancellationToken)
    {
        var paused = DateTimeOffset.FromUnixTimeMilliseconds(Interlocked.Read(ref _pausedUntilMs)) - _clock.UtcNow;
        if (paused > TimeSpan.Zero) return new(new ProactiveResult(ProactiveOutcome.Transient, paused, "Zalo rate limit"));

        var body = new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = userId }, ["message"] = message.DeepClone() }.ToJsonString();
        try
        {
            var token = await _tokens.GetAccessTokenAsync(cancellationToken);
            var answer = await PostAsync(token, body, cancellationToken);
            if (answer.Error is -216 or -220)
            {
                // Invalid or expired: refresh (or take the token a concurrent sender just got) and try once more.
                token = await _tokens.RefreshAsync(token, cancellationToken);
                answer = await PostAsync(token, body, cancellationToken);
            }
            return Interpret(userId, answer);
        }
        catch (ZaloTokenException e)
        {
            return new(new ProactiveResult(e.Transient ? ProactiveOutcome.Transient : ProactiveOutcome.Failed, Detail: e.Message));
        }
    }

    private ZaloSendResult Interpret(string userId, Answer answer)
    {
        switch (answer)
        {
            case { Status: >= 200 and < 300, Error: 0 }:
                return new(ProactiveResult.Delivered, answer.MessageId);
            case { Status: 429 } or { Error: -32 }:
                var backoff = _options.RateLimitBackoff;
                Interlocked.Exchange(ref _pausedUntilMs, (_clock.UtcNow + backoff).ToUnixTimeMilliseconds());
                _logger.LogWarning("Zalo rate limit reached; sending paused for {Backoff}", backoff);
                return new(new ProactiveResult(ProactiveOutcome.Transient, backoff, "Zalo rate limit"));
            case { Error: -230 or -232 }:
                _users.MarkOutsideWindow(userId);
                _logger.LogInformation("Zalo user {UserId} is outside the 7-day window ({Error})", userId, answer.Error);
                return new(new ProactiveResult(ProactiveOutcome.OutsideWindow, Detail: answer.Describe()));
            case { Error: -213 }:
                return new(new ProactiveResult(ProactiveOutcome.Gone, Detail: answer.Describe()));
            case { Error: -234 }:
                return new(new ProactiveResult(ProactiveOutcome.Transient, UntilMorning(), answer.Describe()));
            case { Status: 0 or >= 500 }:
                _logger.LogWarning("Zalo message API unavailable: {Detail}", answer.Describe());
                return new(new ProactiveResult(ProactiveOutcome.Transient, Detail: answer.Describe()));
            default:
                _logger.LogError("Zalo refused a message to {UserId}: {Detail}", userId, answer.Describe());
                return new(new ProactiveResult(ProactiveOutcome.Failed, Detail: answer.Describe()));
        }
    }

    /// <summary>Messages of some kinds are refused from 22:00 to 06:00 (-234): try again at 06:00 local time.</summary>
    private TimeSpan UntilMorning()
    {
        var now = _clock.Now;
        var morning = new DateTimeOffset(now.Date.AddHours(6), now.Offset);
        return (morning > now ? morning : morning.AddDays(1)) - now;
    }

    private async Task<Answer> PostAsync(string accessToken, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_options.ApiBaseUrl.TrimEnd('/')}/v3.0/oa/message/cs")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("access_token", accessToken);
        try
        {
            using var response = await _httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            using var document = ParseOrNull(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = document?.RootElement;
            int? error = root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("error", out var e) && e.TryGetInt32(out var code) ? code : null;
            string? text = root is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("message", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            string? messageId = root is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("message_id", out var id) ? id.ToString() : null;
            return new Answer((int)response.StatusCode, error, text, messageId);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Answer(0, null, e.GetType().Name, null);
        }
    }

    internal static JsonDocument? ParseOrNull(string text)
    {
        try { return JsonDocument.Parse(text); }
        catch (JsonException) { return null; }
    }

    /// <param name="Status">0 when Zalo could not be reached.</param>
    /// <param name="Error">Zalo's <c>error</c>; null when the answer had none.</param>
    private sealed record Answer(int Status, int? Error, string? Message, string? MessageId)
    {
        public string Describe() => $"HTTP {Status}, error {Error?.ToString() ?? "none"}: {Message}";
    }
}

/// <param name="MessageId">Zalo's id of the sent message, when delivered.</param>
public sealed record ZaloSendResult(ProactiveResult Result, string? MessageId = null);
