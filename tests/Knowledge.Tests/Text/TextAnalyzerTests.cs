using System.Text;
using AnToan.Knowledge.Tests.Fixtures;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Text;

public sealed class TextAnalyzerTests
{
    private static readonly TextAnalyzer Sut = Fixture.Analyzer;

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in Fixture.Rows("Text/analyzer-cases.tsv"))
            data.Add(row[0], row[1], row[2], row.Length > 3 ? row[3] : "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyze_ProducesCanonicalTerms(string name, string input, string expected, string forbidden)
    {
        var terms = Sut.Analyze(input).Terms.ToHashSet();
        foreach (var t in expected.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            Assert.True(terms.Contains(t), $"{name}: '{t}' missing from [{string.Join(' ', terms)}]");
        foreach (var t in forbidden.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            Assert.False(terms.Contains(t), $"{name}: '{t}' unexpected in [{string.Join(' ', terms)}]");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyze_SameForDecomposedUnaccentedAndCapitalisedInput(string name, string input, string expected, string forbidden)
    {
        _ = (expected, forbidden);
        var nfc = Sut.Analyze(input.Normalize(NormalizationForm.FormC));
        var nfd = Sut.Analyze(input.Normalize(NormalizationForm.FormD));
        Assert.Equal(nfc.Terms, nfd.Terms);
        // Without diacritics and in lower case the words are the same (capitals only matter for ambiguous short forms).
        var plain = Sut.Analyze(VietnameseText.Fold(input));
        if (!name.Contains("capitals")) Assert.Equal(nfc.Words, plain.Words);
    }

    [Fact]
    public void Analyze_ResolvesRelativeMonthFromToday()
    {
        var relative = Sut.Analyze(Fixture.Rows("Text/relative-cases.tsv").First()[0], today: new DateOnly(2021, 6, 3));
        var nextMonth = Sut.Analyze(Fixture.Rows("Text/relative-cases.tsv").First()[0], today: new DateOnly(2021, 7, 1));

        // The month's term as the content's "tháng 6" gives it, written out rather than asked of the analyzer.
        Assert.Contains("thang6", relative.Words);
        Assert.Equal(Sut.Analyze("tháng 6").Words.Where(w => w.StartsWith("thang", StringComparison.Ordinal)), ["thang6"]);
        Assert.Contains("thang7", nextMonth.Words);
        Assert.DoesNotContain("thang6", nextMonth.Words);
    }

    [Fact]
    public void Fold_StripsDiacriticsAndDStroke()
    {
        var decomposed = "ĐỒNG Ý".Normalize(NormalizationForm.FormD);
        Assert.Equal("dong y", VietnameseText.Fold(decomposed));
        Assert.Equal(VietnameseText.Fold("Ủy ban"), VietnameseText.Fold("Uỷ ban"));
    }

    [Fact]
    public void Pairs_JoinNeighbouringSyllables()
    {
        var pairs = Sut.Analyze("an ninh trật tự").Pairs.ToList();
        Assert.Equal(["an_ninh", "ninh_trat", "trat_tu"], pairs);
    }
}
