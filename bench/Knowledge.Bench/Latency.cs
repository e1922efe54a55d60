using System.Diagnostics;
using System.Globalization;
using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;

namespace AnToan.Knowledge.Bench;

/// <summary>Per-query latency percentiles (p50, p99) and allocated bytes, which BenchmarkDotNet's summary does not
/// give: for the whole match and for the search alone (analysis and BM25, what the match cache spares).</summary>
public static class Latency
{
    public static void Run(int rounds)
    {
        Report("real content", Corpora.Real, rounds);
        Report("real + 10,000 generated passages", Corpora.Generated(10_000), rounds);
    }

    private static void Report(string name, KnowledgeContent content, int rounds)
    {
        KnowledgeIndex.Build(content).Dispose(); // warm-up: JIT and first-use costs are start-up, not build
        var build = Stopwatch.StartNew();
        using var index = KnowledgeIndex.Build(content);
        build.Stop();
        var questions = Corpora.Questions;
        var match = Measure(questions, rounds, q => KnowledgeMatcher.Match(index, q, QueryBenchmarks.Today));
        var search = Measure(questions, rounds, q => index.Search(q, QueryBenchmarks.Today));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {index.Entries.Count} entries, build {build.Elapsed.TotalMilliseconds:0} ms; {match.Count} queries:"));
        Console.WriteLine($"  match:  {match}");
        Console.WriteLine($"  search: {search}");
    }

    private sealed record Figures(int Count, double P50, double P99, double Max, double KilobytesPerQuery)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"p50 {P50:0.000} ms, p99 {P99:0.000} ms, max {Max:0.000} ms, {KilobytesPerQuery:0.0} KB allocated/query");
    }

    private static Figures Measure(IReadOnlyList<string> questions, int rounds, Action<string> query)
    {
        foreach (var q in questions) query(q); // warm-up
        var times = new List<double>(questions.Count * rounds);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < rounds; r++)
            foreach (var q in questions)
            {
                var start = Stopwatch.GetTimestamp();
                query(q);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        var perQuery = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / times.Count;
        times.Sort();
        double P(double p) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(p * times.Count) - 1)];
        return new Figures(times.Count, P(0.50), P(0.99), times[^1], perQuery);
    }
}
