using System.Text.Json;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>What the bot does with a webhook event.</summary>
public enum ZaloEventKind
{
    /// <summary><c>user_send_text</c>, button taps included.</summary>
    Text,
    /// <summary>Any other <c>user_send_*</c>: an image, a sticker, a file, a location...</summary>
    Media,
    Follow,
    Unfollow,
    /// <summary>Receipts, the OA's own echoes (<c>oa_send_*</c>) and everything else.</summary>
    Ignored,
}

/// <summary>The fields of a Zalo webhook event the bot uses. All ids are strings: they do not fit a number.</summary>
/// <param name="Timestamp">Exactly as in the body: the signature covers its text.</param>
public sealed record ZaloEvent(
    string AppId,
    string EventName,
    string Timestamp,
    string? UserId,
    string? OaId,
    string? MessageId,
    string? Text,
    IReadOnlyList<ZaloAttachment> Attachments)
{
    public ZaloEventKind Kind => EventName switch
    {
        "user_send_text" => ZaloEventKind.Text,
        "follow" => ZaloEventKind.Follow,
        "unfollow" => ZaloEventKind.Unfollow,
        _ when EventName.StartsWith("user_send_", StringComparison.Ordinal) => ZaloEventKind.Media,
        _ => ZaloEventKind.Ignored,
    };

    /// <summary>When Zalo says the event happened (epoch milliseconds), or null when unreadable.</summary>
    public DateTimeOffset? OccurredAt =>
        long.TryParse(Timestamp, out var ms) && ms is > 0 and < 253402300800000 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>Reads an event, or null when the body is not a Zalo event.</summary>
    /// <remarks>The user is <c>sender.id</c> for messages but <c>follower.id</c> for follow and unfollow;
    /// the OA is <c>recipient.id</c> or, on follow events, <c>oa_id</c>.</remarks>
    public static ZaloEvent? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var eventName = Scalar(root, "event_name");
            var timestamp = Scalar(root, "timestamp");
            if (eventName is null || timestamp is null) return null;
            var message = Child(root, "message");
            return new ZaloEvent(
                Scalar(root, "app_id") ?? "",
                eventName,
                timestamp,
                Scalar(Child(root, "sender"), "id") ?? Scalar(Child(root, "follower"), "id"),
                Scalar(Child(root, "recipient"), "id") ?? Scalar(root, "oa_id"),
                Scalar(message, "msg_id"),
                Scalar(message, "text"),
                ReadAttachments(message));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    /// <summary>A string, or a number kept as written (some senders put ids and timestamps as numbers).</summary>
    private static string? Scalar(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static List<ZaloAttachment> ReadAttachments(JsonElement? message)
    {
        if (message is not { } m || !m.TryGetProperty("attachments", out var list) || list.ValueKind != JsonValueKind.Array) return [];
        return list.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object)
            .Select(a => new ZaloAttachment(Scalar(a, "type") ?? "", Scalar(Child(a, "payload"), "url")))
            .ToList();
    }
}

public sealed record ZaloAttachment(string Type, string? Url);
