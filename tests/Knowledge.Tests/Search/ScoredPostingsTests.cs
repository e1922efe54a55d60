using AnToan.Knowledge.Search;

namespace AnToan.Knowledge.Tests.Search;

/// <summary>Searches sum scores taken from Lucene once (<see cref="ScoredPostings"/>) instead of asking Lucene: the
/// hits must be Lucene's own, same documents, same scores, same order, or answers would change.</summary>
public sealed class ScoredPostingsTests
{
    private static readonly Lazy<KnowledgeIndex> Shipped = new(() =>
        new KnowledgeSearch(new KnowledgeStore(Path.Combine(AppContext.BaseDirectory, "Content"))).Index);

    public static IEnumerable<object[]> Sets() => Directory
        .EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "eval"), "*.tsv").Order()
        .Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Sets))]
    public void EveryEvaluationQuestion_GetsLucenesHits(string file)
    {
        var index = Shipped.Value;
        var questions = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "eval", file)).Skip(1)
            .Select(l => l.Split('\t')).Where(c => c.Length >= 2 && c[1].Length > 0).Select(c => c[1]).ToList();
        Assert.NotEmpty(questions);
        foreach (var question in questions)
        {
            // All the question's terms, known to the index or not, the common ones included.
            var terms = index.Analyze(question).Terms.Distinct(StringComparer.Ordinal).ToList();
            foreach (var count in new[] { 200, 3 })
                Assert.Equal(index.LuceneTop(terms, count), index.Top(terms, count));
        }
    }
}
