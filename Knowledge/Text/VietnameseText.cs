using System.Globalization;
using System.Text;

namespace AnToan.Knowledge.Text;

/// <summary>Vietnamese text handling: normalisation and folding for matching.</summary>
public static class VietnameseText
{
    /// <summary>NFC-normalises, lower-cases, strips diacritics (đ→d) and collapses non-letters to single spaces.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch) switch { 'đ' => 'd', var other => other };
            if (char.IsLetterOrDigit(c) || c is '%' or '/' or '?')
            {
                sb.Append(c);
                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        return sb.ToString().TrimEnd();
    }
}
