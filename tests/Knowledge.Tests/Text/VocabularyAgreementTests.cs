using System.Text.Json;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Text;

/// <summary>The matcher's words (lexicon.json) and the dialogs' recognisers' words (Content/vietnamese.json) are two
/// files: the words that name a day, a month or a year must be the same in both, or a date the checklist reads
/// ("mùng 5 tháng 3") is a date the matcher does not see.</summary>
public sealed class VocabularyAgreementTests
{
    private static readonly JsonElement Dates = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", "vietnamese.json")),
        new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement.GetProperty("dates");

    public static TheoryData<string> Lists => ["dayWords", "monthWords", "yearWords"];

    [Theory]
    [MemberData(nameof(Lists))]
    public void DateWords_AreTheSameForTheMatcherAndTheRecognisers(string list)
    {
        var matcher = (list switch
        {
            "dayWords" => Lexicon.Default.DayWords,
            "monthWords" => Lexicon.Default.MonthWords,
            _ => Lexicon.Default.YearWords,
        }).Select(Folded).ToHashSet();
        var recognisers = Dates.GetProperty(list).EnumerateArray().Select(w => Folded(w.GetString()!)).ToHashSet();

        Assert.Equal(recognisers.Order(), matcher.Order());
    }

    private static string Folded(string phrase) => VietnameseText.Fold(phrase);

    private static string Folded(string[] phrase) => Folded(string.Join(' ', phrase));
}
