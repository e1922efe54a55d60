using System.Security.Cryptography;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>Web conversations and their transcripts, kept so that a reload (after a restart, or on another instance)
/// shows the conversation: <see cref="LiteWebChatStore"/> in the LiteDB file, <see cref="PostgresWebChatStore"/> in the
/// database every instance shares.</summary>
/// <remarks>A conversation id is the only secret of a web conversation: it is random, checked strictly, and never listed.</remarks>
public interface IWebChatStore
{
    WebConversation Create(string userId, string? userName, DateTimeOffset now);

    /// <returns>The conversation, or null when <paramref name="id"/> is not a valid id or not known.</returns>
    WebConversation? Find(string? id);

    /// <summary>Adds an activity to its conversation's transcript and drops what falls off the end.</summary>
    void Append(Activity activity);

    /// <summary>The transcript, oldest first, as Bot Framework activity JSON.</summary>
    IReadOnlyList<string> History(string conversationId);
}

/// <summary>What every web chat store shares: the form of ids, the transcript's length, the activity JSON.</summary>
public static class WebChatStore
{
    /// <summary>How many activities a conversation keeps (and its history shows).</summary>
    public const int TranscriptLength = 100;

    /// <summary>128 random bits as 32 lowercase hex digits: URL-safe, and immune to LiteDB's case-insensitive string compare.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsValidId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public static string Serialize(IActivity activity) =>
        JsonConvert.SerializeObject(activity, Formatting.None, HttpHelper.BotMessageSerializerSettings);
}

public sealed class WebConversation
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string? UserName { get; set; }
    public DateTime CreatedUtc { get; set; }
}
