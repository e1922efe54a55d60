using AnToan.Knowledge.Text;
using Microsoft.Recognizers.Text;

namespace AnToan.Dialogs.Recognizers;

/// <summary>Dates said in Vietnamese ("ngày 5 tháng 3", "mùng năm tháng ba năm hai nghìn không trăm hai mốt", "hôm qua",
/// "thứ hai tuần trước", "tuần sau", "3 ngày trước"), resolved against a reference day and returned in the shape of
/// Microsoft.Recognizers.Text's datetimeV2 model: TypeName "datetimeV2.date", Resolution { "values": [{ timex, type, value }] }.</summary>
/// <remarks>Numeric dates ("05/3/2021") are left to the library's EnglishOthers model, which reads day before month.</remarks>
public sealed class VietnameseDateModel(VietnameseVocabulary vocabulary, Func<DateOnly> today) : IModel
{
    /// <summary>The years an answer's date may have, as the admin endpoints accept: "31/12/9999" is a typing slip, not
    /// a date. This model still returns a date of another year ("năm 3000"), for the caller to refuse rather than to
    /// read the day and month alone as this year's.</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    private readonly VietnameseVocabulary.DateWords _w = vocabulary.Dates;
    private readonly VietnameseNumberModel _numbers = new(vocabulary);

    public string ModelTypeName => "datetimeV2";
    public string Culture => VietnameseNumberModel.CultureCode;
    public string RequestedCulture => VietnameseNumberModel.CultureCode;

    public void SetCultureInfo(string culture, string? requestedCulture = null) { }

    public List<ModelResult> Parse(string query) => Parse(query, today());

    public List<ModelResult> Parse(string query, DateOnly reference)
    {
        var tokens = Token.Split(query);
        var results = new List<ModelResult>();
        for (var i = 0; i < tokens.Count;)
        {
            var start = i;
            var date = Relative(tokens, ref i, reference) ?? Weekday(tokens, ref i, reference)
                ?? Period(tokens, ref i, reference) ?? Explicit(query, tokens, ref i, reference);
            if (date is null) { i = start + 1; continue; }
            var iso = date.Value.ToString("yyyy-MM-dd");
            results.Add(new ModelResult
            {
                Text = query[tokens[start].Start..tokens[i - 1].End],
                Start = tokens[start].Start,
                End = tokens[i - 1].End - 1,
                TypeName = "datetimeV2.date",
                Resolution = new SortedDictionary<string, object>
                {
                    ["values"] = new List<Dictionary<string, string>> { new() { ["timex"] = iso, ["type"] = "date", ["value"] = iso } },
                },
            });
        }
        return results;
    }

    private DateOnly? Relative(IReadOnlyList<Token> tokens, ref int i, DateOnly reference)
    {
        if (_w.RelativeDays.TryMatch(tokens, i, out var days, out var length))
        {
            i += length;
            return reference.AddDays(days);
        }
        if (_w.Weeks.TryMatch(tokens, i, out var weeks, out length))
        {
            i += length;
            return reference.AddDays(7 * weeks);
        }
        return null;
    }

    private DateOnly? Weekday(IReadOnlyList<Token> tokens, ref int i, DateOnly reference)
    {
        var j = i;
        int weekday;
        if (_w.NamedWeekdays.TryMatch(tokens, j, out var named, out var length)) { weekday = named; j += length; }
        else if (_w.WeekdayWords.TryMatch(tokens, j, out _, out length) && Number(tokens, j + length, out var n, out var numberEnd) && n is >= 2 and <= 7)
        {
            weekday = (int)n - 1; // "thứ hai" is Monday
            j = numberEnd;
        }
        else return null;
        var weeks = 0;
        if (_w.Weeks.TryMatch(tokens, j, out var w, out length)) { weeks = w; j += length; }
        i = j;
        var monday = reference.AddDays(-(((int)reference.DayOfWeek + 6) % 7));
        return monday.AddDays(7 * weeks + weekday - 1);
    }

    private DateOnly? Period(IReadOnlyList<Token> tokens, ref int i, DateOnly reference)
    {
        if (!Number(tokens, i, out var count, out var j) || count > 3660) return null;
        if (!_w.Periods.TryMatch(tokens, j, out var unit, out var length)) return null;
        j += length;
        int sign;
        if (_w.Ago.TryMatch(tokens, j, out _, out length)) sign = -1;
        else if (_w.Later.TryMatch(tokens, j, out _, out length)) sign = 1;
        else return null;
        i = j + length;
        var n = (int)count * sign;
        return unit switch { "week" => reference.AddDays(7 * n), "month" => reference.AddMonths(n), _ => reference.AddDays(n) };
    }

    private DateOnly? Explicit(string query, IReadOnlyList<Token> tokens, ref int i, DateOnly reference)
    {
        var j = i;
        var dayWord = false;
        while (_w.DayWords.TryMatch(tokens, j, out _, out var length)) { j += length; dayWord = true; }
        if (j < tokens.Count && tokens[j].IsPartOfNumericDate(query)) return null; // "ngày 5/3": the library's
        if (!Number(tokens, j, out var day, out j) || day is < 1 or > 31) return null;
        var month = (long)reference.Month;
        var year = (long)reference.Year;
        if (_w.MonthWords.TryMatch(tokens, j, out _, out var monthLength) && Number(tokens, j + monthLength, out var m, out var afterMonth))
        {
            month = m;
            j = afterMonth;
            if (_w.YearWords.TryMatch(tokens, j, out _, out var yearLength) && Number(tokens, j + yearLength, out var y, out var afterYear))
            {
                year = y < 100 ? 2000 + y : y;
                j = afterYear;
            }
        }
        else if (!dayWord) return null; // a bare number is not a date
        if (month is < 1 or > 12 || year is < 1 or > 9999 || day > DateTime.DaysInMonth((int)year, (int)month)) return null;
        i = j;
        return new DateOnly((int)year, (int)month, (int)day);
    }

    /// <summary>A number in digits or words at token <paramref name="i"/>; <paramref name="end"/> is the token after it.</summary>
    private bool Number(IReadOnlyList<Token> tokens, int i, out long value, out int end)
    {
        end = i;
        value = 0;
        if (i >= tokens.Count) return false;
        if (tokens[i].IsDigits)
        {
            end = i + 1;
            return tokens[i].Folded.Length <= 9 && long.TryParse(tokens[i].Folded, out value);
        }
        if (_numbers.ParseWords(tokens, ref end) is not { } words) return false;
        value = words;
        return true;
    }
}
