using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Tests.Fixtures;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Answers;

public sealed class AnswerComposerTests
{
    private static string Question(int row) => Fixture.Rows("Answers/matcher-cases.tsv").ElementAt(row)[0];

    [Theory]
    [InlineData("2021-11-20", false, 11)]
    [InlineData("2021-12-01", false, 0)]
    [InlineData("2021-12-05", true, 4)]
    public void Deadline_CountsDaysFromToday_AndIsPastAfterIt(string date, bool past, int days)
    {
        var today = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var reply = new AnswerComposer().Compose(FixtureContent.Matcher.Match(Question(0), today), today);

        var due = Member(reply.Model, "Due")!;
        Assert.Equal(past, Member(due, "IsPast"));
        Assert.Equal(days, Member(due, past ? "DaysAgo" : "DaysLeft"));
        var text = FixtureContent.Store.Current.Templates.Render(reply.Template, reply.Model);
        Assert.Contains(today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), text);
    }

    private static object? Member(object model, string name) => model.GetType().GetProperty(name)!.GetValue(model);

    [Fact]
    public void Answer_NamesItsSourceDocumentAndPart()
    {
        var today = new DateOnly(2021, 11, 20);
        var match = FixtureContent.Matcher.Match(Question(0), today);
        var text = FixtureContent.Render(match, today);
        Assert.Contains("413/HD-CAT-PV05", text);
        Assert.Contains("11/02/2021", text);
    }

    [Fact]
    public void Answer_OffersRelatedQuestionsAndFeedback()
    {
        var today = new DateOnly(2021, 11, 20);
        var reply = new AnswerComposer().Compose(FixtureContent.Matcher.Match(Question(0), today), today);
        Assert.Equal([AnswerComposer.ThumbsUp, AnswerComposer.ThumbsDown], reply.Buttons.TakeLast(2).Select(b => b.Value));
        var related = reply.Buttons.SkipLast(2).ToList();
        Assert.NotEmpty(related);
        // A related question, sent back, is answered with the entry it stands for.
        foreach (var b in related) Assert.True(FixtureContent.Matcher.Match(b.Value, today).Answered, b.Value);
    }

    [Fact]
    public void MonthQuestion_ListsThatMonthsObservances()
    {
        var june = new DateOnly(2021, 6, 10);
        var october = new DateOnly(2021, 10, 1);
        var question = FixtureContent.Store.Current.Intents.Single(i => i.Id == "calendar.month").Examples[0];
        var inJune = VietnameseText.Fold(FixtureContent.Render(FixtureContent.Matcher.Match(question, june), june));
        var inOctober = VietnameseText.Fold(FixtureContent.Render(FixtureContent.Matcher.Match(question, october), october));
        var drugs = VietnameseText.Fold(FixtureContent.Store.Current.Calendar.Single(c => c.Month == 6).Title);
        var fire = VietnameseText.Fold(FixtureContent.Store.Current.Calendar.Single(c => c.Month == 10).Title);
        Assert.Contains(drugs, inJune);
        Assert.DoesNotContain(fire, inJune);
        Assert.Contains(fire, inOctober);
    }

    [Fact]
    public void Snippet_IsShortAndCutAtASentence()
    {
        var passage = FixtureContent.Store.Current.Passages.First(p => p.Text.Length > Snippet.MaxLength);
        var index = FixtureContent.Search.Index;
        var lastSentence = Sentences.Split(passage.Text)[^1];
        var question = index.Analyze(lastSentence).Words.ToHashSet();

        var snippet = Snippet.From(passage.Text, question, index);

        Assert.InRange(snippet.Length, 1, Snippet.MaxLength);
        Assert.Contains(lastSentence, snippet);
        Assert.Contains(Sentences.Split(passage.Text), s => snippet.StartsWith(s, StringComparison.Ordinal));
    }
}
