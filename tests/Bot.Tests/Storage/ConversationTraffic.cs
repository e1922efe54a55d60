using System.Net.Http.Json;
using System.Text.Json;
using AnToan.Bot.Storage;
using Microsoft.Bot.Builder;

namespace AnToan.Bot.Tests.Storage;

/// <summary>Messages of one Emulator conversation posted as the channel posts them, and its activity record read back.</summary>
internal static class ConversationTraffic
{
    /// <returns>true when the bot answered: the turn ran to its end, state saved included.</returns>
    public static async Task<bool> SendAsync(HttpClient client, string conversationId, string text, CancellationToken cancellationToken = default)
    {
        var activity = new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId = "emulator",
            serviceUrl = "http://127.0.0.1:1",
            deliveryMode = "expectReplies",
            from = new { id = "user-1", name = "User" },
            recipient = new { id = "bot", name = "Bot" },
            conversation = new { id = conversationId },
            text,
        };
        using var response = await client.PostAsJsonAsync("/api/messages", activity, cancellationToken);
        if (!response.IsSuccessStatusCode) return false;
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.TryGetProperty("activities", out var replies) && replies.GetArrayLength() > 0;
    }

    /// <summary>Reads the record the way ConversationState stores it: the state bag under "channel/conversations/id".</summary>
    public static async Task<ConversationActivity?> ReadActivityAsync(IStorage storage, string conversationId)
    {
        var key = $"emulator/conversations/{conversationId}";
        var items = await storage.ReadAsync([key]);
        return items.TryGetValue(key, out var state) && state is IDictionary<string, object> bag
            && bag.TryGetValue(nameof(ConversationActivity), out var value) ? value as ConversationActivity : null;
    }
}
