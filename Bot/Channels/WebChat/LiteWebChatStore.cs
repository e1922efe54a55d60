using LiteDB;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>Web conversations and their transcripts in LiteDB (one instance), so a reload after a restart shows the conversation.</summary>
public sealed class LiteWebChatStore : IWebChatStore
{
    private const int TranscriptLength = WebChatStore.TranscriptLength;

    private readonly ILiteCollection<WebConversation> _conversations;
    private readonly ILiteCollection<WebTranscriptEntry> _transcript;

    public LiteWebChatStore(ILiteDatabase database)
    {
        _conversations = database.GetCollection<WebConversation>("webchat_conversations");
        _transcript = database.GetCollection<WebTranscriptEntry>("webchat_transcript");
        _transcript.EnsureIndex(e => e.ConversationId);
    }

    public WebConversation Create(string userId, string? userName, DateTimeOffset now)
    {
        var conversation = new WebConversation { Id = WebChatStore.NewId(), UserId = userId, UserName = userName, CreatedUtc = now.UtcDateTime };
        _conversations.Insert(conversation);
        return conversation;
    }

    public WebConversation? Find(string? id) =>
        WebChatStore.IsValidId(id) && _conversations.FindById(id) is { } found && found.Id == id ? found : null;

    public void Append(Activity activity)
    {
        var conversationId = activity.Conversation.Id;
        _transcript.Insert(new WebTranscriptEntry { ConversationId = conversationId, Activity = WebChatStore.Serialize(activity) });
        var oldestKept = _transcript.Query().Where(e => e.ConversationId == conversationId)
            .OrderByDescending(e => e.Id).Select(e => e.Id).Skip(TranscriptLength - 1).FirstOrDefault();
        if (oldestKept > 0) _transcript.DeleteMany(e => e.ConversationId == conversationId && e.Id < oldestKept);
    }

    public IReadOnlyList<string> History(string conversationId) =>
        _transcript.Query().Where(e => e.ConversationId == conversationId)
            .OrderByDescending(e => e.Id).Limit(TranscriptLength).ToList()
            .Select(e => e.Activity).Reverse().ToList();
}

public sealed class WebTranscriptEntry
{
    [BsonId(autoId: true)]
    public long Id { get; set; }
    public string ConversationId { get; set; } = "";
    /// <summary>The activity as the SDK serialises it; kept as text so every field round-trips.</summary>
    public string Activity { get; set; } = "";
}
