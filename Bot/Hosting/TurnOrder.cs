using AnToan.Bot.Announcements;
using AnToan.Dialogs;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Flows;

namespace AnToan.Bot.Hosting;

/// <summary>The turn pipeline, read top to bottom: which interceptor gets a message first. The first that handles it
/// ends the turn (each still gets <see cref="IMessageInterceptor.AfterTurnAsync"/>); a message none takes goes to the
/// router (<see cref="KnowledgeRouter"/>: commands, questions, small talk).</summary>
/// <remarks>Every registered interceptor must be listed (<see cref="TurnPipeline"/> refuses one that is not); the
/// conversation tests (tests/Dialogs.Tests/Conversations/ConversationHarness.cs) wire this same list.</remarks>
public static class TurnOrder
{
    public static IReadOnlyList<Type> Interceptors { get; } =
    [
        // A thumbs up or down right after an answer is a vote on it, never an answer to a dialog's question.
        typeof(FeedbackInterceptor),
        // Announcements the channel could not deliver (Zalo's window) come first; the message then goes on.
        typeof(OwedAnnouncementsInterceptor),
        // A category button works even in the middle of a checklist.
        typeof(CategoryChoiceInterceptor),
        // A join word with a code in the middle of a list is a join, not an answer.
        typeof(JoinCommand),
        // An active dialog takes the answer to its question.
        typeof(DialogEngine),
    ];
}
