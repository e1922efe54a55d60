using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnToan.Bot.Tests.Dialogs;

/// <summary>One person in one conversation, talking to the host over /api/messages with deliveryMode expectReplies.</summary>
public sealed class ChatClient(HttpClient http, string userId, string conversationId, string channelId = "directline")
{
    public async Task<IReadOnlyList<string>> SayAsync(string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = channelId,
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = userId },
            ["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "AnToan.Bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["text"] = text,
            ["locale"] = "vi-VN",
            ["deliveryMode"] = "expectReplies",
        };
        using var response = await http.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("type").GetString() == "message")
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "")
            .ToList();
    }

    /// <summary>Says something and returns the last reply (the question the bot now waits on).</summary>
    public async Task<string> AskAsync(string text) => (await SayAsync(text)).LastOrDefault() ?? "";
}
