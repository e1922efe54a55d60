namespace AnToan.Bot.Admin;

public static class FeedbackAdmin
{
    /// <summary>GET /api/admin/feedback: unanswered and voted-down questions with counts, so content can be improved.</summary>
    /// <remarks>A view of <see cref="QuestionsReport"/> (GET /api/admin/questions) over the same weeks, kept for the
    /// clients of its older shape: both read the one question log, so they always agree.</remarks>
    public static RouteGroupBuilder MapFeedbackAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/feedback", (int? weeks, QuestionsReport report) => Results.Ok(Summary(report.View(DashboardApi.Weeks(weeks)))));
        return admin;
    }

    private static FeedbackSummary Summary(QuestionsView view) => new(
        view.Unanswered.Select(q => new UnansweredSummary(q.Text, q.Unanswered, q.LastAsked)).ToList(),
        view.DownVoted.GroupBy(d => d.AnswerId)
            .Select(g => new VoteSummary(g.Key, g.Sum(d => d.Down), g.Sum(d => d.Up), g.Select(d => d.Question).ToList()))
            .OrderByDescending(v => v.Down).ToList());
}

public sealed record FeedbackSummary(IReadOnlyList<UnansweredSummary> Unanswered, IReadOnlyList<VoteSummary> DownVoted);

/// <param name="Count">How many times it went unanswered.</param>
public sealed record UnansweredSummary(string Question, int Count, DateTimeOffset LastAsked);

/// <param name="Questions">The questions the answer was voted down for.</param>
public sealed record VoteSummary(string? AnswerId, int Down, int Up, IReadOnlyList<string> Questions);
