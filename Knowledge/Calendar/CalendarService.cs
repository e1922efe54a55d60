using AnToan.Knowledge.Text;
using System.Globalization;
using AnToan.Knowledge.Model;

namespace AnToan.Knowledge.Calendar;

/// <summary>Dates of the calendar entries (recurring yearly or one-off) and the text announcing them.</summary>
/// <remarks>Reads the content in service on every call, so a content reload changes the next answer and the
/// next schedule tick without a restart. Knows local days only: turning a day into an instant is
/// <see cref="DueAt"/>, given the bot's time zone.</remarks>
public sealed class CalendarService(KnowledgeStore knowledge)
{
    /// <summary>Occurrences overlapping [<paramref name="from"/>, <paramref name="to"/>], by start date.</summary>
    public IReadOnlyList<CalendarOccurrence> Occurrences(DateOnly from, DateOnly to) =>
        Starting(from.AddMonths(-1), to).Where(o => o.End >= from && o.Start <= to).ToList();

    /// <summary>The next <paramref name="count"/> occurrences that have not ended by <paramref name="today"/>.</summary>
    public IReadOnlyList<CalendarOccurrence> Upcoming(DateOnly today, int count) =>
        Occurrences(today, today.AddYears(1)).Take(count).ToList();

    /// <summary>Announcements whose day falls in [<paramref name="from"/>, <paramref name="to"/>], by day.</summary>
    public IReadOnlyList<Announcement> Announcements(DateOnly from, DateOnly to)
    {
        var maxLead = knowledge.Current.Calendar.SelectMany(LeadDays).DefaultIfEmpty(0).Max();
        return Starting(from, to.AddDays(maxLead))
            .SelectMany(o => LeadDays(o.Entry).Select(lead => new Announcement(o, lead)))
            .Where(a => a.On >= from && a.On <= to)
            .OrderBy(a => a.On).ThenBy(a => a.Occurrence.Start).ThenBy(a => a.Occurrence.Entry.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The occurrence of entry <paramref name="entryId"/> starting on <paramref name="start"/>, if the entry still exists.</summary>
    public CalendarOccurrence? Find(string entryId, DateOnly start) =>
        Starting(start, start).FirstOrDefault(o => o.Entry.Id == entryId);

    /// <summary>The instant of <paramref name="announcement"/>: its day at <paramref name="localTime"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset DueAt(Announcement announcement, TimeOnly localTime, TimeZoneInfo zone)
    {
        var local = announcement.On.ToDateTime(localTime);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The entry's own template, seeing the occurrence as of <paramref name="today"/>.</summary>
    /// <remarks>The variables are the documented ones only (title, date_text, days_left, duties, note,
    /// source_text), so content authors can rely on them.</remarks>
    public string Render(CalendarOccurrence occurrence, DateOnly today)
    {
        var content = knowledge.Current;
        var entry = occurrence.Entry;
        return content.Templates.RenderInline("calendar.json", entry.Id, entry.Template, Model(content, occurrence, today));
    }

    /// <summary>What an entry's template sees (see <see cref="Render"/>).</summary>
    public static IReadOnlyDictionary<string, object?> Model(KnowledgeContent content, CalendarOccurrence occurrence, DateOnly today) =>
        new Dictionary<string, object?>
        {
            ["title"] = occurrence.Entry.Title,
            ["date_text"] = DateText.Of(occurrence.Start),
            ["days_left"] = occurrence.Start.DayNumber - today.DayNumber,
            ["duties"] = occurrence.Entry.Duties,
            ["note"] = occurrence.Entry.Note,
            ["source_text"] = SourceText(content, occurrence.Entry.Source),
        };


    private static string SourceText(KnowledgeContent content, SourceRef source)
    {
        var document = content.DocumentsById.TryGetValue(source.Document, out var d) ? $"{d.Kind} {d.Number}" : source.Document;
        return string.IsNullOrWhiteSpace(source.Part) ? document : $"{document}, {source.Part}";
    }

    private static IEnumerable<int> LeadDays(CalendarEntry entry) =>
        entry.LeadDays is { Count: > 0 } leads ? leads.Distinct() : [0];

    /// <summary>The occurrence an answer about <paramref name="entry"/> speaks of: the one under way or next; for a
    /// one-off entry its only one, even when past.</summary>
    public static CalendarOccurrence? Next(CalendarEntry entry, DateOnly today) =>
        entry.Recurring
            ? OccurrencesOf(entry, today.AddMonths(-1), today.AddYears(1)).FirstOrDefault(o => o.End >= today)
            : OccurrencesOf(entry, DateOnly.MinValue, DateOnly.MaxValue).FirstOrDefault();

    /// <summary>The occurrences of one entry starting in [<paramref name="from"/>, <paramref name="to"/>], by start date:
    /// the one place that knows when an entry falls, for the scheduler and the answers alike.</summary>
    public static IEnumerable<CalendarOccurrence> OccurrencesOf(CalendarEntry entry, DateOnly from, DateOnly to)
    {
        if (!entry.Recurring)
        {
            if (IsoDate.Parse(entry.Date) is { } date && date >= from && date <= to) yield return new(entry, date, date);
            yield break;
        }
        if (entry.Month is not { } month) yield break;
        for (var year = from.Year; year <= to.Year; year++)
        {
            var days = DateTime.DaysInMonth(year, month);
            var occurrence = entry.Day is { } day
                ? new CalendarOccurrence(entry, new DateOnly(year, month, Math.Min(day, days)), new DateOnly(year, month, Math.Min(day, days)))
                : new CalendarOccurrence(entry, new DateOnly(year, month, 1), new DateOnly(year, month, days));
            if (occurrence.Start >= from && occurrence.Start <= to) yield return occurrence;
        }
    }

    /// <summary>Occurrences of the content in service starting in [<paramref name="from"/>, <paramref name="to"/>], by start date.</summary>
    private IEnumerable<CalendarOccurrence> Starting(DateOnly from, DateOnly to) =>
        knowledge.Current.Calendar.SelectMany(e => OccurrencesOf(e, from, to))
            .OrderBy(o => o.Start).ThenBy(o => o.Entry.Id, StringComparer.Ordinal);
}
