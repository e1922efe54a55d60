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
    /// <remarks>Equal to decomposing the text (NFD), dropping the marks and lower-casing, but read a character at a
    /// time from <see cref="FoldTable"/>: a Unicode normalisation per call cost a turn some 7 % of its time (the
    /// matcher and the composer fold content text on every question). Text with characters beyond the table (from
    /// U+1F00: Greek extended, CJK, emoji, ...) is decomposed as before.</remarks>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var source = text.AsSpan();
        foreach (var ch in source)
            if (ch >= FoldTable.Length || FoldTable[ch] == Decompose)
            {
                source = text.Normalize(NormalizationForm.FormD);
                break;
            }
        // Into a buffer on the stack for the usual short text: no StringBuilder and no copy of it per call.
        var folded = source.Length <= 512 ? stackalloc char[source.Length] : new char[source.Length];
        var length = 0;
        var space = true;
        foreach (var ch in source)
        {
            char c;
            if (ch < FoldTable.Length && FoldTable[ch] != Decompose)
            {
                c = FoldTable[ch];
                if (c == Drop) continue;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            else c = FoldChar(ch);
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

    // Two noncharacters: nothing below U+1F00 folds to them.
    private const char Drop = '\uFFFE';
    private const char Decompose = '\uFFFF';

    /// <summary>Each character below U+1F00 folded on its own: its base letter lower-cased (đ→d), <see cref="Drop"/>
    /// for a combining mark, <see cref="Decompose"/> when it does not fold to one character.</summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[0x1F00];
        for (var c = 0; c < table.Length; c++)
        {
            var folded = FoldUncached(((char)c).ToString());
            table[c] = folded.Length switch { 0 => Drop, 1 => folded[0], _ => Decompose };
        }
        return table;
    }

    /// <summary>Folds one word: lower case, no diacritics, đ→d; keeps every other character.</summary>
    /// <remarks>Cached: the content has a few thousand distinct words and folding each costs a normalisation.
    /// The cache stops growing at <see cref="MaxCachedWords"/> so that user input cannot fill memory.</remarks>
    public static string FoldWord(string word) => FoldedWords.GetOrAdd(word, static (w, _) => FoldUncached(w), 0);

    private const int MaxCachedWords = 100_000;
    private static readonly BoundedCache<string, string> FoldedWords = new(MaxCachedWords, StringComparer.Ordinal);

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
