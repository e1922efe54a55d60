using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace AnToan.Bot.Content;

/// <summary>The paragraphs of an uploaded file, as plain text (NFC, single spaces), in reading order.</summary>
internal static partial class DocumentText
{
    public enum FileType { Docx, Text, Markdown }

    public static FileType? TypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".docx" => FileType.Docx,
        ".txt" => FileType.Text,
        ".md" or ".markdown" => FileType.Markdown,
        _ => null,
    };

    /// <summary>Reads the paragraphs; throws <see cref="ImportException"/> (Broken) made by <paramref name="fail"/>.</summary>
    public static IReadOnlyList<string> Read(Stream file, FileType type, Func<ImportProblem, Exception?, ImportException> fail)
    {
        var lines = type switch
        {
            FileType.Docx => Docx(file, fail),
            FileType.Markdown => Text(file, fail).Select(StripMarkdown),
            _ => Text(file, fail),
        };
        return lines.Select(Clean).Where(l => l.Length > 0).ToList();
    }

    private static IEnumerable<string> Docx(Stream file, Func<ImportProblem, Exception?, ImportException> fail)
    {
        // OpenXml needs a seekable stream; an upload usually is not.
        var copy = new MemoryStream();
        file.CopyTo(copy);
        copy.Position = 0;
        var paragraphs = new List<string>();
        try
        {
            using var document = WordprocessingDocument.Open(copy, false);
            var body = document.MainDocumentPart?.Document?.Body ?? throw fail(ImportProblem.Broken, null);
            foreach (var paragraph in body.Descendants<W.Paragraph>())
            {
                var text = new StringBuilder();
                foreach (var element in paragraph.Descendants())
                {
                    switch (element)
                    {
                        case W.Text t: text.Append(t.Text); break;
                        case W.TabChar: text.Append(' '); break;
                        case W.Break or W.CarriageReturn: text.Append('\n'); break;
                    }
                }
                // A manual line break inside a paragraph separates lines of the header ("CÔNG AN TỈNH …\nPHÒNG PV05").
                paragraphs.AddRange(text.ToString().Split('\n'));
            }
        }
        catch (ImportException) { throw; }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw fail(ImportProblem.Broken, e);
        }
        return paragraphs;
    }

    private static IEnumerable<string> Text(Stream file, Func<ImportProblem, Exception?, ImportException> fail)
    {
        string text;
        try
        {
            using var reader = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException e)
        {
            throw fail(ImportProblem.Broken, e);
        }
        return text.Split('\n');
    }

    /// <summary>Markdown marks that are no text: heading hashes, bullets, emphasis, links, code fences, rules.</summary>
    private static string StripMarkdown(string line)
    {
        var text = MarkdownLead().Replace(line, "");
        text = MarkdownLink().Replace(text, "$1");
        text = MarkdownEmphasis().Replace(text, "");
        return MarkdownRule().IsMatch(text) ? "" : text;
    }

    private static string Clean(string line) => TextSpans.Spaces().Replace(line.Normalize(NormalizationForm.FormC), " ").Trim();

    [GeneratedRegex(@"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)")]
    private static partial Regex MarkdownLead();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")]
    private static partial Regex MarkdownEmphasis();

    [GeneratedRegex(@"^\s*(?:[-*_]\s*){3,}$|^\s*```")]
    private static partial Regex MarkdownRule();
}
