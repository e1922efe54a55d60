using AnToan.Dialogs;

namespace AnToan.Bot.Admin;

/// <summary>What people asked the bot and how they rated the answers: what the questions view reads.</summary>
/// <remarks>Implemented by the question store of the storage provider (<see cref="IQuestionStore"/>).</remarks>
public interface IQuestionLog
{
    /// <summary>Questions asked since <paramref name="since"/>, oldest first.</summary>
    IReadOnlyList<AskedQuestion> Questions(DateTimeOffset since);

    /// <summary>Thumbs up or down given since <paramref name="since"/>.</summary>
    IReadOnlyList<AnswerVote> Votes(DateTimeOffset since);
}

/// <summary>The one record of questions asked (answered or not) and of the votes on their answers: nobody else
/// reads or writes its tables.</summary>
/// <remarks>LiteDB (<see cref="LiteQuestionStore"/>, the instance's file) or PostgreSQL
/// (<see cref="Storage.Postgres.PostgresQuestionStore"/>, shared by every instance). Votes come in through the
/// dialogs' <see cref="IFeedbackStore"/>, questions through <see cref="QuestionLogMiddleware"/>.</remarks>
public interface IQuestionStore : IQuestionLog, IFeedbackStore
{
    /// <summary>Longest question kept: the text limit of the channels is larger, but a question is short.</summary>
    const int MaxText = 500;

    /// <summary>Adds a question; the task completes once it is stored. LiteDB stores it with the next group commit
    /// (the turn's state save): the caller calls <see cref="FlushAsync"/> before awaiting it.</summary>
    Task RecordAsync(AskedQuestion question);

    /// <summary>Stores the questions still waiting for a commit (a turn that saved no state).</summary>
    Task FlushAsync();

    /// <summary>Deletes the questions asked before <paramref name="before"/>, <paramref name="batchSize"/> a write.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PruneAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken = default);

    /// <summary>The question as kept: cut to <see cref="MaxText"/>.</summary>
    static string Kept(string text) => text.Length > MaxText ? text[..MaxText] : text;
}

/// <param name="Answered">false when the bot said it did not know.</param>
public sealed record AskedQuestion(string Text, bool Answered, string? AnswerId, string ChannelId, DateTimeOffset At);

/// <param name="Question">The question the rated answer replied to.</param>
public sealed record AnswerVote(string Question, string? AnswerId, bool Helpful, DateTimeOffset At);
