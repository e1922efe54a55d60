namespace AnToan.Bot.Admin;

/// <summary>What people asked the bot and how they rated the answers: what the questions view reads.</summary>
/// <remarks>Implemented by <see cref="QuestionLog"/>.</remarks>
public interface IQuestionLog
{
    /// <summary>Questions asked since <paramref name="since"/>, oldest first.</summary>
    IReadOnlyList<AskedQuestion> Questions(DateTimeOffset since);

    /// <summary>Thumbs up or down given since <paramref name="since"/>.</summary>
    IReadOnlyList<AnswerVote> Votes(DateTimeOffset since);
}

/// <param name="Answered">false when the bot said it did not know.</param>
public sealed record AskedQuestion(string Text, bool Answered, string? AnswerId, string ChannelId, DateTimeOffset At);

/// <param name="Question">The question the rated answer replied to.</param>
public sealed record AnswerVote(string Question, string? AnswerId, bool Helpful, DateTimeOffset At);
