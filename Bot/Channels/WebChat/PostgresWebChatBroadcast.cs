using AnToan.Bot.Storage.Postgres;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>Sends what the bot pushes to a web conversation to every instance on the database, so that a page whose
/// event stream is open on another instance than the one that produced the message still gets it.</summary>
/// <remarks>The activity goes in the table <c>webchat_events</c> and a NOTIFY wakes every instance's
/// <see cref="PostgresWebChatListener"/>, which reads the rows it has not seen yet: a NOTIFY payload is limited to
/// 8000 bytes, an activity with a card is not. Rows are only needed for a few seconds; those older than an hour are
/// deleted now and then.</remarks>
public sealed class PostgresWebChatBroadcast(PostgresDatabase database, TimeProvider time) : IWebChatBroadcast
{
    /// <summary>The NOTIFY channel; its payload is the number of the row committed (the activity is in the row).</summary>
    public const string Channel = "antoan_webchat_events";

    private readonly Occasionally _sweep = new(TimeSpan.FromMinutes(10));

    public void Publish(string conversationId, string json)
    {
        database.Execute($"""
            WITH added AS (INSERT INTO webchat_events (conversation_id, json) VALUES ($1, $2) RETURNING seq)
            SELECT pg_notify('{Channel}', seq::text) FROM added
            """, conversationId, json);
        if (_sweep.Due(time.GetUtcNow())) database.Execute("DELETE FROM webchat_events WHERE created_at < now() - interval '1 hour'");
    }
}
