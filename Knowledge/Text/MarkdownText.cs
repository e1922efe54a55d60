using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AnToan.Knowledge.Text;

/// <summary>Text that people typed (unit names, member names, notes, codes) put into the markdown of a reply.</summary>
public static partial class MarkdownText
{
    /// <summary>Escapes every ASCII punctuation character with a backslash and turns line breaks into spaces, so the
    /// text shows as typed and never becomes markup: <c>[x](https://phishing.example)</c> is not a link, a leading
    /// <c>#</c> or <c>-</c> not a heading or a list, and <c>https\://</c> is not picked up as a bare URL.</summary>
    /// <remarks>CommonMark (Teams, the web chat page) shows an escaped character as itself; Zalo's plain text
    /// removes the backslashes (ZaloText.StripMarkdown).</remarks>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Escape(string? text) =>
        string.IsNullOrEmpty(text) ? text : Punctuation().Replace(LineBreak().Replace(text, " "), @"\$0");

    [GeneratedRegex(@"[!-/:-@\[-`{-~]")] private static partial Regex Punctuation();
    [GeneratedRegex(@"[\r\n\u2028\u2029]+")] private static partial Regex LineBreak();
}
