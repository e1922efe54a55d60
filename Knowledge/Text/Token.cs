namespace AnToan.Knowledge.Text;

/// <summary>A word or number of the user's text: where it is (Start inclusive, End exclusive) and its folded form.</summary>
/// <remarks>What the dialogs' recognisers read a reply as, and what <see cref="PhraseTable{T}"/> matches them with.</remarks>
public sealed record Token(string Text, string Lower, string Folded, int Start, int End)
{
    /// <summary>Typed with diacritics (or đ): then it is matched exactly, not by its folded form.</summary>
    public bool IsAccented => Lower != Folded;

    public bool IsDigits => Folded.Length > 0 && Folded.All(char.IsAsciiDigit);

    /// <summary>Splits text into runs of letters and digits; "5/3" stays two tokens, whose neighbourhood callers can inspect.</summary>
    public static IReadOnlyList<Token> Split(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i)) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text, i)) i++;
            var word = text[start..i];
            var lower = word.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();
            tokens.Add(new Token(word, lower, VietnameseText.Fold(word), start, i));
        }
        return tokens;
    }

    /// <summary>True when the token is glued to another number by '/', '-' or '.', as in "5/3/2021" (a numeric date).</summary>
    public bool IsPartOfNumericDate(string text) =>
        (End < text.Length - 1 && text[End] is '/' or '-' or '.' && char.IsAsciiDigit(text[End + 1]))
        || (Start > 1 && text[Start - 1] is '/' or '-' or '.' && char.IsAsciiDigit(text[Start - 2]));

    // Combining marks belong to the word: NFD input ("mười" typed as base letters plus accents) stays one token.
    private static bool IsWordChar(string text, int i) =>
        char.IsLetterOrDigit(text[i]) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
