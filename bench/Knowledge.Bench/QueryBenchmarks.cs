using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Search;
using BenchmarkDotNet.Attributes;

namespace AnToan.Knowledge.Bench;

/// <summary>Matching one question (analysis, BM25, coverage, decision) on the real content and on 10,000 more passages.</summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    internal static readonly DateOnly Today = new(2021, 11, 20);
    private KnowledgeIndex _real = null!;
    private KnowledgeIndex _large = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _real = KnowledgeIndex.Build(Corpora.Real);
        _large = KnowledgeIndex.Build(Corpora.Generated(10_000));
    }

    [Benchmark(Baseline = true)]
    public MatchResult RealContent() => KnowledgeMatcher.Match(_real, Next(), Today);

    [Benchmark]
    public MatchResult Generated10k() => KnowledgeMatcher.Match(_large, Next(), Today);

    private string Next() => Corpora.Questions[_next++ % Corpora.Questions.Count];
}
