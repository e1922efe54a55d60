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

    /// <summary>Results are kept per content snapshot and day from a question's second asking: from then on the same
    /// question gets the very same result the same day, with the same filter; another day or another filter is matched
    /// afresh, and gives what a fresh match gives.</summary>
    [Fact]
    public void Match_RepeatedTheSameDay_IsServedFromTheCache_AndNeverAcrossDaysOrFilters()
    {
        var sut = new KnowledgeMatcher(FixtureContent.Search);
        const string question = "hôm nay là ngày gì";

        var once = sut.Match(question, Today);
        var first = sut.Match(question, Today);

        Assert.NotSame(once, first); // asked once: nothing kept
        Assert.Equal((once.Outcome, once.Best?.Key, once.Confidence), (first.Outcome, first.Best?.Key, first.Confidence));
        Assert.Same(first, sut.Match(question, Today));
        var nextDay = sut.Match(question, Today.AddDays(1));
        Assert.NotSame(first, nextDay);
        Assert.Equal(KnowledgeMatcher.Match(FixtureContent.Search.Index, question, Today.AddDays(1)).Best?.Key, nextDay.Best?.Key);
        Func<Knowledge.Search.IndexEntry, bool> noIntents = e => e.Kind != Knowledge.Search.EntryKind.Intent;
        Assert.NotSame(sut.Match(question, Today.AddDays(1)), sut.Match(question, Today.AddDays(1), noIntents));
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

    /// <summary>The answered cases that name their entry.</summary>
    public static TheoryData<string, string> KeyedAnswers()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in Fixture.Rows("Answers/matcher-cases.tsv").Where(r => r[1] == nameof(AnswerOutcome.Answer) && r[2] != "-")) data.Add(r[0], r[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(KeyedAnswers))]
    public void Match_ConfidenceIsHigherForTheRightEntryThanForOthers(string question, string key)
    {
        var match = FixtureContent.Matcher.Match(question, Today);

        var right = Assert.Single(match.Candidates, c => c.Entry.Key == key);
        Assert.Same(right, match.Candidates[0]);
        Assert.Equal(key, match.Best?.Key);
        Assert.All(match.Candidates.Skip(1), other => Assert.True(right.Confidence >= other.Confidence, $"{other.Entry.Key}: {other.Confidence} vs {right.Confidence}"));
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
