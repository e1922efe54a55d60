using AnToan.Dialogs.Recognizers;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;

namespace AnToan.Dialogs.Tests.Recognizers;

/// <summary>The matcher and the recognisers read the words of dates from one vietnamese.json: a day word written there
/// once is read by both, with the snapshot it came in. (Two word lists once drifted: the checklist read
/// "mùng 5 tháng 3" as a date and the matcher did not.)</summary>
public sealed class SharedVocabularyTests
{
    private static readonly ContentFiles Shipped = ContentFiles.FromFolder(Path.Combine(AppContext.BaseDirectory, "Content"));

    [Fact]
    public void ADayWordAddedOnce_IsReadByTheMatcherAndTheRecognisers()
    {
        const string said = "bữa 5 tháng 3";
        var text = Shipped.Json["vietnamese.json"];
        var edited = text.Replace("\"dayWords\": [\"ngày\",", "\"dayWords\": [\"bữa\", \"ngày\",", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);

        Assert.Equal((false, null), Read(Shipped, said));
        Assert.Equal((true, "2021-03-05"), Read(Shipped.With("vietnamese.json", edited), said));
    }

    [Fact]
    public void TheDayWordsOfTheShippedFile_AreReadAsDatesByBoth()
    {
        foreach (var said in new[] { "ngày 5 tháng 3", "mùng 5 tháng 3", "mồng 5 tháng 3", "hôm 5 tháng 3" })
            Assert.Equal((true, "2021-03-05"), Read(Shipped, said));
    }

    /// <returns>Whether the matcher reads all of <paramref name="said"/> as the date 5/3 (without a day word it keeps
    /// the word apart), and the date the recognisers read in all of it.</returns>
    private static (bool Matcher, string? Recognisers) Read(ContentFiles files, string said)
    {
        var content = KnowledgeContent.Load(files, [VietnameseVocabulary.Part]);
        using var index = KnowledgeIndex.Build(content);
        var matcher = index.Analyzer.Analyze(said).Words.SequenceEqual(["5/3"]);
        var dates = new VietnameseDateModel(content.Part<VietnameseVocabulary>(), () => RecognizerFixture.Today).Parse(said);
        var recognisers = dates.SingleOrDefault(d => d.Text == said)?.Resolution["values"] is List<Dictionary<string, string>> values
            ? values[0]["value"] : null;
        return (matcher, recognisers);
    }
}
