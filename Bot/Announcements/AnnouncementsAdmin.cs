using AnToan.Dialogs.Engine;
using System.Globalization;
using AnToan.Knowledge.Calendar;

namespace AnToan.Bot.Announcements;

public static class AnnouncementsAdmin
{
    private const int MaxRangeDays = 731;

    /// <summary>Dates outside these years are refused before anything is computed or written: the delivery watermark
    /// never moves back, so one run "in 9999" would end catch-up for good.</summary>
    private static readonly DateOnly FirstDay = new(2000, 1, 1), LastDay = new(2100, 12, 31);

    /// <summary>GET /api/admin/announcements?from&amp;to (what is due, rendered) and POST .../run?at (deliver as of an instant).</summary>
    public static RouteGroupBuilder MapAnnouncementsAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/announcements", (string? from, string? to, AnnouncementDispatcher dispatcher, CalendarService calendar, LocalClock clock) =>
        {
            if (!TryDay(from, out var first) || !TryDay(to, out var last))
                return Problem("from and to are required, as YYYY-MM-DD.");
            if (!IsSane(first) || !IsSane(last)) return Problem(OutOfRange);
            if (last < first) return Problem("to must not be before from.");
            if (last.DayNumber - first.DayNumber >= MaxRangeDays) return Problem($"the range may span at most {MaxRangeDays} days.");

            var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), clock.Zone.GetUtcOffset(first.ToDateTime(TimeOnly.MinValue)));
            var end = new DateTimeOffset(last.ToDateTime(TimeOnly.MaxValue), clock.Zone.GetUtcOffset(last.ToDateTime(TimeOnly.MaxValue)));
            return Results.Ok(dispatcher.Due(start, end).Select(d => new
            {
                key = d.Announcement.Key,
                entryId = d.Announcement.Occurrence.Entry.Id,
                title = d.Announcement.Occurrence.Entry.Title,
                category = d.Announcement.Occurrence.Entry.Category,
                occurrence = Iso(d.Announcement.Occurrence.Start),
                occurrenceEnd = Iso(d.Announcement.Occurrence.End),
                leadDays = d.Announcement.LeadDays,
                day = Iso(d.Announcement.On),
                dueAt = clock.ToLocal(d.DueAt),
                text = calendar.Render(d.Announcement.Occurrence, d.Announcement.On),
            }));
        });

        admin.MapPost("/announcements/run", async (string? at, AnnouncementDispatcher dispatcher, LocalClock clock, CancellationToken ct) =>
        {
            if (!TryInstant(at, clock, out var instant, out var outOfRange))
                return outOfRange ? Problem(OutOfRange) : Problem("at is required, as an ISO-8601 date and time (e.g. 2021-06-01T08:00:00+07:00; without an offset it is read in Bot:TimeZone).");
            var result = await dispatcher.RunAsync(instant, ct);
            return Results.Ok(new { delivered = result.Delivered, skipped = result.Skipped, failed = result.Failed });
        });
        return admin;
    }

    private static IResult Problem(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad parameters");

    private static readonly string OutOfRange = $"dates must lie between {Iso(FirstDay)} and {Iso(LastDay)}.";

    private static bool IsSane(DateOnly day) => day >= FirstDay && day <= LastDay;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDay(string? value, out DateOnly day) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <param name="outOfRange">Set when <paramref name="value"/> is a date and time, but outside the sane years.</param>
    private static bool TryInstant(string? value, LocalClock clock, out DateTimeOffset instant, out bool outOfRange)
    {
        instant = default;
        outOfRange = false;
        if (string.IsNullOrWhiteSpace(value)) return false;
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)) return false;
        // Checked before any offset is applied: 0001-01-01 with an offset is not even a DateTimeOffset.
        if (!IsSane(DateOnly.FromDateTime(parsed)))
        {
            outOfRange = true;
            return false;
        }
        instant = parsed.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(parsed, TimeSpan.Zero),
            DateTimeKind.Local => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture),
            _ => new DateTimeOffset(parsed, clock.Zone.GetUtcOffset(parsed)),
        };
        return true;
    }
}
