using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Tests.Fixtures;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Answers;

/// <summary>A question asking for a detail the nearest entry does not give (a fine, steps, a signer, another year,
/// a count) is declined on the fixture content, while the same subject asked for what it does give is answered.</summary>
public sealed class DetailCheckTests
{
    private static readonly DateOnly Today = new(2021, 11, 20);

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var r in Fixture.Rows("Answers/detail-cases.tsv")) data.Add(r[0], r[1], r[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Match_AnswersOnlyWithAnEntryThatGivesWhatWasAsked(string question, string outcome, string gap)
    {
        var match = FixtureContent.Matcher.Match(question, Today);

        Assert.Equal(Enum.Parse<AnswerOutcome>(outcome), match.Outcome);
        var nearest = match.Candidates.OrderByDescending(c => c.Rank).First();
        Assert.Equal(gap == "-" ? null : gap, match.Answered ? match.Candidates[0].Gap?.What : nearest.Gap?.What);
    }

    [Fact]
    public void Match_AnEntryThatCannotGiveTheDetailHasNoConfidenceAndIsNotOffered()
    {
        var match = FixtureContent.Matcher.Match("mức phạt khi không nộp hồ sơ công nhận là bao nhiêu", Today);

        Assert.All(match.Candidates.Where(c => c.Gap is { Hard: true }), c => Assert.Equal(0, c.Confidence));
        Assert.Empty(match.Choices);
        Assert.Equal(0, match.Confidence);
    }

    [Theory]
    [InlineData("?")]
    [InlineData("...")]
    [InlineData("😀")]
    public void Match_AMessageWithoutWordsIsWordless(string message) =>
        Assert.True(FixtureContent.Matcher.Match(message, Today).Wordless);

    [Fact]
    public void Detect_ReadsTheNounCountedAndTheYearsNamed()
    {
        var asked = AskedDetails.Detect(VietnameseText.Words("năm 2020 quy trình gồm mấy bước, nhiệm kỳ 2021 2026"), Fixture.Lexicon);

        Assert.Equal(["buoc"], asked.Counted!);
        Assert.True(asked.Strict);
        Assert.Equal([["2020"], ["2021", "2026"]], asked.Years);
        Assert.Contains(asked.Kinds, k => k.Name == "steps");
    }

    [Fact]
    public void Detect_APercentageCanAnswerACountOfUnitsButNotOfSteps()
    {
        var units = AskedDetails.Detect(VietnameseText.Words("bao nhiêu đơn vị đạt chuẩn"), Fixture.Lexicon);

        Assert.Equal(["don"], units.Counted!);
        Assert.False(units.Strict);
    }
}
