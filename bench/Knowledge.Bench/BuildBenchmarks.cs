using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;
using BenchmarkDotNet.Attributes;

namespace AnToan.Knowledge.Bench;

/// <summary>Building the index of a snapshot (at start-up and after a reload).</summary>
[MemoryDiagnoser]
public class BuildBenchmarks
{
    private KnowledgeContent _large = null!;

    [GlobalSetup]
    public void Setup() => _large = Corpora.Generated(10_000);

    [Benchmark(Baseline = true)]
    public int RealContent()
    {
        using var index = KnowledgeIndex.Build(Corpora.Real);
        return index.Entries.Count;
    }

    [Benchmark]
    public int Generated10k()
    {
        using var index = KnowledgeIndex.Build(_large);
        return index.Entries.Count;
    }
}
