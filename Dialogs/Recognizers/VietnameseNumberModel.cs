using System.Globalization;
using AnToan.Knowledge.Text;
using Microsoft.Recognizers.Text;

namespace AnToan.Dialogs.Recognizers;

/// <summary>Numbers written in Vietnamese words ("mười hai", "hai mươi lăm", "một trăm linh năm", "chín mươi phần trăm"),
/// returned in the shape of Microsoft.Recognizers.Text's number model: TypeName "number" (or "percentage"),
/// Resolution { "value", "subtype" }.</summary>
/// <remarks>The library has no Vietnamese culture; digits are left to its EnglishOthers model.</remarks>
public sealed class VietnameseNumberModel(VietnameseVocabulary vocabulary) : IModel
{
    public const string CultureCode = "vi-vn";
    private readonly VietnameseVocabulary.NumberWords _w = vocabulary.Numbers;

    public string ModelTypeName => "number";
    public string Culture => CultureCode;
    public string RequestedCulture => CultureCode;

    public void SetCultureInfo(string culture, string? requestedCulture = null) { }

    public List<ModelResult> Parse(string query)
    {
        var tokens = Token.Split(query);
        var results = new List<ModelResult>();
        for (var i = 0; i < tokens.Count;)
        {
            var start = i;
            var value = ParseWords(tokens, ref i);
            if (value is null) { i++; continue; }
            var percent = _w.Percent.TryMatch(tokens, i, out _, out var percentLength);
            if (percent) i += percentLength;
            var text = query[tokens[start].Start..tokens[i - 1].End];
            var number = value.Value.ToString(CultureInfo.InvariantCulture);
            results.Add(new ModelResult
            {
                Text = text,
                Start = tokens[start].Start,
                End = tokens[i - 1].End - 1,
                TypeName = percent ? "percentage" : "number",
                Resolution = percent
                    ? new SortedDictionary<string, object> { ["value"] = number + "%" }
                    : new SortedDictionary<string, object> { ["value"] = number, ["subtype"] = "integer" },
            });
        }
        return results;
    }

    /// <summary>Reads one number in words starting at <paramref name="i"/>, advancing past it; null when none starts there.</summary>
    internal long? ParseWords(IReadOnlyList<Token> tokens, ref int i)
    {
        long total = 0;
        var any = false;
        while (i < tokens.Count)
        {
            if (any && i + 1 < tokens.Count && _w.ZeroTens.Contains(tokens, i) && Unit(tokens, i + 1) is { } ones)
            {
                i += 2; // "hai nghìn linh năm"
                return total + ones;
            }
            var part = ParseHundreds(tokens, ref i);
            if (part is null) break;
            any = true;
            if (i < tokens.Count && _w.Scales.TryMatch(tokens, i, out var scale, out var length))
            {
                total += part.Value * scale;
                i += length;
                continue;
            }
            total += part.Value;
            break;
        }
        return any ? total : null;
    }

    private long? ParseHundreds(IReadOnlyList<Token> tokens, ref int i)
    {
        if (Unit(tokens, i) is { } hundreds && i + 1 < tokens.Count && _w.Scales.TryMatch(tokens, i + 1, out var scale, out var length) && scale == 100)
        {
            i += 1 + length;
            long value = hundreds * 100;
            if (i + 1 < tokens.Count && _w.ZeroTens.Contains(tokens, i) && Unit(tokens, i + 1) is { } ones)
            {
                i += 2;
                return value + ones;
            }
            return value + (ParseTens(tokens, ref i) ?? 0);
        }
        return ParseTens(tokens, ref i);
    }

    private long? ParseTens(IReadOnlyList<Token> tokens, ref int i)
    {
        if (i >= tokens.Count) return null;
        if (_w.Ten.Contains(tokens, i))
        {
            i++;
            return 10 + (Ones(tokens, ref i) ?? 0);
        }
        if (Unit(tokens, i) is not { } tens) return null;
        i++;
        if (i < tokens.Count && _w.TensMultiplier.Contains(tokens, i))
        {
            i++;
            return tens * 10 + (Ones(tokens, ref i) ?? 0);
        }
        if (tens >= 2 && _w.UnitsAfterTens.TryMatch(tokens, i, out var shortOnes, out var length))
        {
            i += length;
            return tens * 10 + shortOnes;
        }
        return tens;
    }

    /// <summary>The ones after "mười"/"mươi": a plain unit or one of the forms that only follow tens ("lăm", "mốt").</summary>
    private int? Ones(IReadOnlyList<Token> tokens, ref int i)
    {
        if (_w.UnitsAfterTens.TryMatch(tokens, i, out var after, out var length)) { i += length; return after; }
        if (Unit(tokens, i) is { } ones and > 0) { i++; return ones; }
        return null;
    }

    private int? Unit(IReadOnlyList<Token> tokens, int i) =>
        i < tokens.Count && _w.Units.TryMatch(tokens, i, out var value, out _) ? value : null;
}
