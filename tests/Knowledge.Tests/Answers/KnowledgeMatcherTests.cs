using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Tests.Fixtures;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Answers;

public sealed class KnowledgeMatcherTests
{
    private static readonly DateOnly Today = new(2021, 11, 20);

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var r in Fixture.Rows("Answers/matcher-cases.tsv")) data.Add(r[0], r[1], r[2], r[3]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Match_AnswersClarifiesOrDeclines(string question, string outcome, string key, string expected)
    {
        var sut = FixtureContent.Matcher;

        var match = sut.Match(question, Today);

        Assert.Equal(Enum.Parse<AnswerOutcome>(outcome), match.Outcome);
        if (key != "-") Assert.Equal(key, match.Best?.Key);
        if (expected != "-" && match.Best?.Kind != Knowledge.Search.EntryKind.Intent)
            Assert.Contains(VietnameseText.Fold(expected), VietnameseText.Fold(FixtureContent.Render(match, Today)));
    }

    [Fact]
    public void Match_ConfidenceIsHigherForTheRightEntryThanForOthers()
    {
        var question = Fixture.Rows("Answers/matcher-cases.tsv").First()[0];
        var match = FixtureContent.Matcher.Match(question, Today);
        Assert.True(match.Candidates[0].Confidence >= match.Candidates.Skip(1).Max(c => c.Confidence));
    }

    [Fact]
    public void Match_WithoutDiacriticsEqualsWithDiacritics()
    {
        foreach (var row in Fixture.Rows("Answers/matcher-cases.tsv"))
        {
            var with = FixtureContent.Matcher.Match(row[0], Today);
            var without = FixtureContent.Matcher.Match(VietnameseText.Fold(row[0]), Today);
            Assert.Equal(with.Best?.Key, without.Best?.Key);
            Assert.Equal(with.Outcome, without.Outcome);
        }
    }
}
