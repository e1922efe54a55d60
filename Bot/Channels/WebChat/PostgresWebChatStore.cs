using AnToan.Bot.Storage.Postgres;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>Web conversations and their transcripts in the tables <c>webchat_conversations</c> and
/// <c>webchat_transcript</c>, shared by every instance: a page's requests may reach any of them.</summary>
public sealed class PostgresWebChatStore(PostgresDatabase database) : IWebChatStore
{
    public WebConversation Create(string userId, string? userName, DateTimeOffset now)
    {
        var conversation = new WebConversation { Id = WebChatStore.NewId(), UserId = userId, UserName = userName, CreatedUtc = now.UtcDateTime };
        database.Execute("INSERT INTO webchat_conversations (id, user_id, user_name, created_at) VALUES ($1, $2, $3, $4)",
            conversation.Id, userId, userName, now);
        return conversation;
    }

    public WebConversation? Find(string? id) =>
        WebChatStore.IsValidId(id)
            ? database.Query("SELECT id, user_id, user_name, created_at FROM webchat_conversations WHERE id = $1", r => new WebConversation
            {
                Id = r.GetString(0),
                UserId = r.GetString(1),
                UserName = r.IsDBNull(2) ? null : r.GetString(2),
                CreatedUtc = r.GetFieldValue<DateTimeOffset>(3).UtcDateTime,
            }, id).SingleOrDefault()
            : null;

    public void Append(Activity activity)
    {
        // One statement: the row goes in, and the rows before the last TranscriptLength of the conversation go out.
        database.Execute("""
            WITH added AS (INSERT INTO webchat_transcript (conversation_id, activity) VALUES ($1, $2) RETURNING seq)
            DELETE FROM webchat_transcript WHERE conversation_id = $1 AND seq <= (
                SELECT seq FROM webchat_transcript WHERE conversation_id = $1 ORDER BY seq DESC OFFSET $3 - 1 LIMIT 1)
            """, activity.Conversation.Id, WebChatStore.Serialize(activity), WebChatStore.TranscriptLength);
    }

    public IReadOnlyList<string> History(string conversationId) =>
        database.Query("SELECT activity FROM webchat_transcript WHERE conversation_id = $1 ORDER BY seq DESC LIMIT $2",
            r => r.GetString(0), conversationId, WebChatStore.TranscriptLength).Reverse().ToList();
}
