namespace AnToan.Bot.Channels.WebChat;

/// <summary>Settings of the anonymous web chat (section "WebChat").</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>Conversations one client address may start per minute. Default 10: a person reloads the page now and
    /// then; a script opening conversations to try join codes or to fill the database does not get far.</summary>
    public int ConversationsPerMinute { get; set; } = 10;

    /// <summary>Messages one client address may send per minute, over all its conversations. Default 60: faster than
    /// anyone types or taps, slow enough that one client cannot keep the bot busy for everyone.</summary>
    public int MessagesPerMinute { get; set; } = 60;
}
