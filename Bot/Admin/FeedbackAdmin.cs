using AnToan.Bot.Storage;

namespace AnToan.Bot.Admin;

public static class FeedbackAdmin
{
    /// <summary>GET /api/admin/feedback: unanswered and voted-down questions with counts, so content can be improved.</summary>
    public static RouteGroupBuilder MapFeedbackAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/feedback", (FeedbackStore store) => Results.Ok(store.Summary()));
        return admin;
    }
}
