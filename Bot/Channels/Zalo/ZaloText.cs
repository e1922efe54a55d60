using System.Text.RegularExpressions;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Zalo shows plain text only, at most 2,000 characters a message.</summary>
public static partial class ZaloText
{
    /// <summary>Markdown as the templates write it, reduced to what reads well as plain text.</summary>
    public static string StripMarkdown(string markdown)
    {
        // Escaped characters are parked in the private-use area so that no rule below takes them for markup.
        var text = Escape().Replace(markdown.Replace("\r\n", "\n"), m => ((char)(Parked + m.Groups[1].Value[0])).ToString());
        text = Rule().Replace(text, "");
        text = Heading().Replace(text, "");
        text = Quote().Replace(text, "");
        text = StarBullet().Replace(text, "$1- ");
        text = Image().Replace(text, "$1");
        text = Link().Replace(text, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[2].Value : $"{m.Groups[1].Value} ({m.Groups[2].Value})");
        text = Bold().Replace(text, "$2");
        text = Italic().Replace(text, "$2");
        text = Code().Replace(text, "$1");
        return string.Concat(text.Select(c => c is >= Parked and < (char)(Parked + 128) ? (char)(c - Parked) : c)).Trim();
    }

    private const char Parked = '\uE000';

    /// <summary>Cuts text into parts of at most <paramref name="max"/> characters: after the last sentence
    /// (or line) that fits, else between words, else anywhere but inside a surrogate pair.</summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var cut = CutPoint(rest, max);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) parts.Add(rest);
        return parts;
    }

    private static int CutPoint(string text, int max)
    {
        int sentence = 0, word = 0;
        for (var cut = max; cut > 0 && sentence == 0; cut--)
        {
            if (!char.IsWhiteSpace(text[cut])) continue;
            if (word == 0) word = cut;
            if (text[cut] == '\n' || EndsSentence(text, cut)) sentence = cut;
        }
        if (sentence > 0) return sentence;
        if (word > 0) return word;
        return char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
    }

    /// <summary>True when the text before <paramref name="end"/> closes a sentence, quotes and brackets included.</summary>
    private static bool EndsSentence(string text, int end)
    {
        var i = end - 1;
        while (i > 0 && text[i] is '"' or '\'' or ')' or '”' or '’' or '»' or ']') i--;
        return text[i] is '.' or '!' or '?' or '…' or ';' or ':';
    }

    [GeneratedRegex(@"^ {0,3}([-*_])( *\1){2,} *$", RegexOptions.Multiline)] private static partial Regex Rule();
    [GeneratedRegex(@"^ {0,3}#{1,6} +", RegexOptions.Multiline)] private static partial Regex Heading();
    [GeneratedRegex(@"^ {0,3}> ?", RegexOptions.Multiline)] private static partial Regex Quote();
    [GeneratedRegex(@"^( *)[*+] +", RegexOptions.Multiline)] private static partial Regex StarBullet();
    [GeneratedRegex(@"!\[([^\]]*)\]\([^)\s]+\)")] private static partial Regex Image();
    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")] private static partial Regex Link();
    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")] private static partial Regex Bold();
    [GeneratedRegex(@"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")] private static partial Regex Italic();
    [GeneratedRegex(@"`([^`\n]+)`")] private static partial Regex Code();
    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")] private static partial Regex Escape();
}
