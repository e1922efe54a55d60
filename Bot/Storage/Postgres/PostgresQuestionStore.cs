using AnToan.Bot.Admin;
using AnToan.Dialogs;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>The question log and the votes in the tables <c>admin_questions</c> and <c>feedback_votes</c>, shared by
/// every instance: the dashboard of any of them lists what was asked through all.</summary>
/// <remarks>A question is inserted when recorded (its own commit; there is no group commit to join), so
/// <see cref="FlushAsync"/> has nothing to do.</remarks>
public sealed class PostgresQuestionStore(PostgresDatabase database) : IQuestionStore
{
    public Task RecordAsync(AskedQuestion question) =>
        database.ExecuteAsync("INSERT INTO admin_questions (text, answered, answer_id, channel_id, at) VALUES ($1, $2, $3, $4, $5)",
            CancellationToken.None, IQuestionStore.Kept(question.Text), question.Answered, question.AnswerId, question.ChannelId, question.At.UtcDateTime);

    public Task FlushAsync() => Task.CompletedTask;

    public Task RecordVoteAsync(FeedbackVote vote, CancellationToken cancellationToken) =>
        database.ExecuteAsync("INSERT INTO feedback_votes (answer_id, question, helpful, channel_id, conversation_id, at) VALUES ($1, $2, $3, $4, $5, $6)",
            cancellationToken, vote.AnswerId, vote.Question, vote.Helpful, vote.ChannelId, vote.ConversationId, vote.At.UtcDateTime);

    public IReadOnlyList<AskedQuestion> Questions(DateTimeOffset since) =>
        database.Query("SELECT text, answered, answer_id, channel_id, at FROM admin_questions WHERE at >= $1 ORDER BY at, id",
            r => new AskedQuestion(r.GetString(0), r.GetBoolean(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), UtcTime.Instant(r.GetDateTime(4))),
            since.UtcDateTime);

    public IReadOnlyList<AnswerVote> Votes(DateTimeOffset since) =>
        database.Query("SELECT question, answer_id, helpful, at FROM feedback_votes WHERE at >= $1 ORDER BY at, id",
            r => new AnswerVote(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetBoolean(2), UtcTime.Instant(r.GetDateTime(3))),
            since.UtcDateTime);

    public async Task<int> PruneAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var pruned = 0;
        while (true)
        {
            var deleted = await database.ExecuteAsync("DELETE FROM admin_questions WHERE id IN (SELECT id FROM admin_questions WHERE at < $1 LIMIT $2)",
                cancellationToken, before.UtcDateTime, batchSize);
            pruned += deleted;
            if (deleted < batchSize) return pruned;
        }
    }
}
