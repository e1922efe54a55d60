using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AnToan.Bot.Tests.Quality;

/// <summary>One conversation with the bot over /api/messages, as the Emulator channel with expectReplies,
/// so that replies and traces come back in the response.</summary>
public sealed class BotConversation(HttpClient client, string? conversationId = null)
{
    private readonly string _conversationId = conversationId ?? Guid.NewGuid().ToString("N");

    public async Task<Turn> SendAsync(string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "Tester" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = _conversationId },
            ["text"] = text,
        };
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var activities = body?["activities"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        return new Turn(activities);
    }
}

/// <summary>What the bot sent back for one message.</summary>
public sealed record Turn(IReadOnlyList<JsonObject> Activities)
{
    public IEnumerable<JsonObject> Messages => Activities.Where(a => (string?)a["type"] == "message");

    public string Text => string.Join("\n", Messages.Select(m => (string?)m["text"] ?? ""));

    /// <summary>The KnowledgeAnswer trace, when the message was handled as a question.</summary>
    public JsonObject? Trace => Activities.FirstOrDefault(a => (string?)a["type"] == "trace" && (string?)a["name"] == "KnowledgeAnswer")?["value"] as JsonObject;

    public bool Answered => Trace?["answered"]?.GetValue<bool>() == true;

    public IEnumerable<string> Buttons => Messages
        .SelectMany(m => m["suggestedActions"]?["actions"]?.AsArray().OfType<JsonObject>() ?? [])
        .Select(a => (string?)a["value"] ?? "");
}
