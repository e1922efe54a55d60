using System.Globalization;

namespace AnToan.Knowledge.Model;

/// <summary>Days in the content files are ISO (yyyy-MM-dd), read one way everywhere: a date the validator accepts is
/// a date the calendar and the answers use.</summary>
public static class IsoDate
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
