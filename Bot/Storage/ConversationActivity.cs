namespace AnToan.Bot.Storage;

/// <summary>How much a conversation has been used: kept in conversation state, so it lives and dies with it.</summary>
/// <param name="Turns">Message turns handled, counted once per message even when many arrive at once.</param>
/// <param name="LastActivity">When the last message turn started.</param>
public sealed record ConversationActivity(int Turns, DateTimeOffset LastActivity);
