using System.Globalization;
using AnToan.Knowledge.Model;

namespace AnToan.Knowledge.Answers;

/// <summary>When calendar entries and dated facts fall, relative to today.</summary>
public static class CalendarDates
{
    public const string DateFormat = "dd/MM/yyyy";

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The next day the entry falls on, today included; a one-off entry keeps its date even when past.
    /// A month-long campaign under way counts from today.</summary>
    public static DateOnly? Next(CalendarEntry entry, DateOnly today)
    {
        if (!entry.Recurring) return Parse(entry.Date);
        if (entry.Month is not { } month) return null;
        if (entry.Day is null && today.Month == month) return today;
        var date = On(today.Year, month, entry.Day ?? 1);
        return date >= today ? date : On(today.Year + 1, month, entry.Day ?? 1);
    }

    /// <summary>The day the entry falls on in the given month, or null when it does not fall in it.</summary>
    public static DateOnly? In(CalendarEntry entry, int year, int month)
    {
        if (entry.Recurring) return entry.Month == month ? On(year, month, entry.Day ?? 1) : null;
        return Parse(entry.Date) is { } d && d.Year == year && d.Month == month ? d : null;
    }

    /// <summary>The model templates get for a date: its text, and how far it is from today.</summary>
    public static object When(DateOnly date, DateOnly today)
    {
        var days = date.DayNumber - today.DayNumber;
        return new { Date = Format(date), Today = Format(today), DaysLeft = Math.Max(days, 0), DaysAgo = Math.Max(-days, 0), IsPast = days < 0, IsToday = days == 0 };
    }

    private static DateOnly On(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
