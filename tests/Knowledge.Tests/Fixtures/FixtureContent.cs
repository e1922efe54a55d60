using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Search;

namespace AnToan.Knowledge.Tests.Fixtures;

/// <summary>A small content folder (Fixtures/content) with the real templates: the matcher and composer under test.</summary>
public static class FixtureContent
{
    public static string Root => Path.Combine(Fixture.Dir, "content");

    public static KnowledgeStore Store { get; } = new(Root);

    public static KnowledgeSearch Search { get; } = new(Store);

    public static KnowledgeMatcher Matcher { get; } = new(Search);

    /// <summary>The reply text the way the bot renders it.</summary>
    public static string Render(MatchResult match, DateOnly today)
    {
        return new AnswerComposer().Compose(match, today).Text;
    }
}
