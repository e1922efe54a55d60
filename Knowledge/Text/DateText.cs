using System.Globalization;

namespace AnToan.Knowledge.Text;

/// <summary>How a date is shown to people: dd/MM/yyyy, the one format of answers, dialogs, reports and announcements.</summary>
public static class DateText
{
    public static string Of(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string? Of(DateOnly? date) => date is { } d ? Of(d) : null;
}
