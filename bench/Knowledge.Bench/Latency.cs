using System.Diagnostics;
using System.Globalization;
using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;

namespace AnToan.Knowledge.Bench;

/// <summary>Per-query latency percentiles (p50, p99), which BenchmarkDotNet's summary does not give.</summary>
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
        foreach (var q in questions) KnowledgeMatcher.Match(index, q, QueryBenchmarks.Today); // warm-up
        var times = new List<double>(questions.Count * rounds);
        for (var r = 0; r < rounds; r++)
            foreach (var q in questions)
            {
                var start = Stopwatch.GetTimestamp();
                KnowledgeMatcher.Match(index, q, QueryBenchmarks.Today);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        times.Sort();
        double P(double p) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {index.Entries.Count} entries, build {build.Elapsed.TotalMilliseconds:0} ms; {times.Count} queries: p50 {P(0.50):0.000} ms, p99 {P(0.99):0.000} ms, max {times[^1]:0.000} ms"));
    }
}
