using System.Security.Cryptography;
using LiteDB;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>Web conversations and their transcripts in LiteDB, so a reload after a restart shows the conversation.</summary>
/// <remarks>A conversation id is the only secret of a web conversation: it is random, checked strictly, and never listed.</remarks>
public sealed class WebChatStore
{
    /// <summary>How many activities a conversation keeps (and its history shows).</summary>
    public const int TranscriptLength = 100;

    private readonly ILiteCollection<WebConversation> _conversations;
    private readonly ILiteCollection<WebTranscriptEntry> _transcript;

    public WebChatStore(ILiteDatabase database)
    {
        _conversations = database.GetCollection<WebConversation>("webchat_conversations");
        _transcript = database.GetCollection<WebTranscriptEntry>("webchat_transcript");
        _transcript.EnsureIndex(e => e.ConversationId);
    }

    /// <summary>128 random bits as 32 lowercase hex digits: URL-safe, and immune to LiteDB's case-insensitive string compare.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsValidId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public WebConversation Create(string userId, string? userName, DateTimeOffset now)
    {
        var conversation = new WebConversation { Id = NewId(), UserId = userId, UserName = userName, CreatedUtc = now.UtcDateTime };
        _conversations.Insert(conversation);
        return conversation;
    }

    public WebConversation? Find(string? id) =>
        IsValidId(id) && _conversations.FindById(id) is { } found && found.Id == id ? found : null;

    /// <summary>Adds an activity to its conversation's transcript and drops what falls off the end.</summary>
    public void Append(Activity activity)
    {
        var conversationId = activity.Conversation.Id;
        _transcript.Insert(new WebTranscriptEntry { ConversationId = conversationId, Activity = Serialize(activity) });
        var oldestKept = _transcript.Query().Where(e => e.ConversationId == conversationId)
            .OrderByDescending(e => e.Id).Select(e => e.Id).Skip(TranscriptLength - 1).FirstOrDefault();
        if (oldestKept > 0) _transcript.DeleteMany(e => e.ConversationId == conversationId && e.Id < oldestKept);
    }

    /// <summary>The transcript, oldest first, as Bot Framework activity JSON.</summary>
    public IReadOnlyList<string> History(string conversationId) =>
        _transcript.Query().Where(e => e.ConversationId == conversationId)
            .OrderByDescending(e => e.Id).Limit(TranscriptLength).ToList()
            .Select(e => e.Activity).Reverse().ToList();

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

public sealed class WebTranscriptEntry
{
    [BsonId(autoId: true)]
    public long Id { get; set; }
    public string ConversationId { get; set; } = "";
    /// <summary>The activity as the SDK serialises it; kept as text so every field round-trips.</summary>
    public string Activity { get; set; } = "";
}
