using System.Runtime.CompilerServices;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;
using Xunit.Abstractions;

namespace AnToan.Knowledge.Tests.Eval;

/// <summary>Every sentence of the guidance is reachable: asked as it stands, it is answered from the passage that says
/// it. (A copy of ../shared/sources/000_bfce7818f3505ca9.txt is kept in eval/sources.)</summary>
public sealed class SourceCoverageTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2021, 6, 15);

    [Fact]
    public void EverySentenceOfTheGuidance_IsAnsweredFromThePassageThatSaysIt()
    {
        var text = File.ReadAllText(Path.Combine(Folder(), "sources", "hd413-2021.txt"));
        var body = text.Split('\n').Select(l => l.Trim()).Where(l => l.Split(' ').Length > 12); // the title and date lines are no sentences
        var sentences = body.SelectMany(Sentences.Split).Where(s => s.Split(' ').Length > 6).ToList();
        var content = FirstParagraphScore.Matcher.Match("", Today).Index.Content;

        var missed = sentences.Where(s => !AnsweredFromItsPassage(s, content)).ToList();

        foreach (var s in missed)
        {
            var m = FirstParagraphScore.Matcher.Match(s, Today);
            output.WriteLine($"MISS {s} → {m.Outcome} {m.Best?.Key} :: " + string.Join("; ", m.Candidates.Take(4).Select(c => $"{c.Entry.Key} {c.Confidence:F2} {c.Rank:F2} {c.Gap}")));
        }
        Assert.True(sentences.Count > 15, $"only {sentences.Count} sentences read");
        Assert.Empty(missed);
    }

    /// <remarks>A sentence about a document it names ("Chỉ thị số 09/CT-UBND, ngày 10/11/2020…") may be answered with
    /// that document.</remarks>
    private static bool AnsweredFromItsPassage(string sentence, KnowledgeContent content)
    {
        var match = FirstParagraphScore.Matcher.Match(sentence, Today);
        if (!match.Answered) return false;
        var passage = match.Best!.Item switch
        {
            Passage p => p,
            Fact f => content.PassagesById[f.Passage],
            _ => null,
        };
        if (match.Best.Item is DocumentInfo d) return sentence.Contains(d.Number, StringComparison.Ordinal);
        if (passage is null) return false;
        var said = VietnameseText.Words(passage.Text).Select(VietnameseText.FoldWord).ToHashSet();
        var words = VietnameseText.Words(sentence).Select(VietnameseText.FoldWord).ToList();
        return words.Count(said.Contains) >= 0.6 * words.Count;
    }

    private static string Folder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "..", "eval");
}
