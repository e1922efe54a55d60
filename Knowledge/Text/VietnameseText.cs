using System.Globalization;
using System.Text;

namespace AnToan.Knowledge.Text;

/// <summary>Vietnamese text handling: normalisation and folding for matching.</summary>
/// <remarks>People type the same word precomposed (NFC), decomposed (NFD, common from some keyboards and
/// macOS), with or without diacritics and in any case; every comparison goes through <see cref="Fold"/>.</remarks>
public static class VietnameseText
{
    /// <summary>Composes decomposed input so that "ệ" typed as e + ̣ + ̂ equals the precomposed letter.</summary>
    public static string Normalize(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormC);

    /// <summary>NFC-normalises, lower-cases, strips diacritics (đ→d) and collapses non-letters to single spaces.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        // Into a buffer on the stack for the usual short text: no StringBuilder and no copy of it per call.
        var folded = decomposed.Length <= 512 ? stackalloc char[decomposed.Length] : new char[decomposed.Length];
        var length = 0;
        var space = true;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = FoldChar(ch);
            if (char.IsLetterOrDigit(c) || c is '%' or '/' or '?')
            {
                folded[length++] = c;
                space = false;
            }
            else if (!space)
            {
                folded[length++] = ' ';
                space = true;
            }
        }
        return new string(folded[..length].TrimEnd(' '));
    }

    /// <summary>Folds one word: lower case, no diacritics, đ→d; keeps every other character.</summary>
    /// <remarks>Cached: the content has a few thousand distinct words and folding each costs a normalisation.
    /// The cache stops growing at <see cref="MaxCachedWords"/> so that user input cannot fill memory.</remarks>
    public static string FoldWord(string word)
    {
        if (FoldedWords.TryGetValue(word, out var folded)) return folded;
        folded = FoldUncached(word);
        if (FoldedWords.Count < MaxCachedWords) FoldedWords.TryAdd(word, folded);
        return folded;
    }

    private const int MaxCachedWords = 100_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FoldedWords = new(StringComparer.Ordinal);

    private static string FoldUncached(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(FoldChar(ch));
        return sb.ToString();
    }

    /// <summary>The folded words of <paramref name="text"/>, split on anything that is not a letter or digit.</summary>
    public static string[] Words(string? text) =>
        Fold(text).Split([' ', '/', '?'], StringSplitOptions.RemoveEmptyEntries);

    private static char FoldChar(char ch) => char.ToLowerInvariant(ch) switch { 'đ' => 'd', var other => other };
}
