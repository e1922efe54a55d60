using AnToan.Dialogs;
using AnToan.Knowledge.Calendar;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Notifications;

/// <summary>"lịch tháng này" and "sắp tới có gì?" (intents calendar.month, calendar.upcoming), in Bot:TimeZone.</summary>
public sealed class CalendarCommands(CalendarService calendar, LocalClock clock, NotificationReplies replies, IOptions<NotificationOptions> options) : ICommandHandler
{
    public IReadOnlyCollection<string> IntentIds { get; } = ["calendar.month", "calendar.upcoming"];

    public Task HandleAsync(ITurnContext turnContext, string intentId, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        if (intentId == "calendar.month")
        {
            var first = new DateOnly(today.Year, today.Month, 1);
            return turnContext.SendActivityAsync(replies.Month(today, calendar.Occurrences(first, first.AddMonths(1).AddDays(-1))), cancellationToken);
        }
        return turnContext.SendActivityAsync(replies.Upcoming(today, calendar.Upcoming(today, options.Value.UpcomingCount)), cancellationToken);
    }
}
