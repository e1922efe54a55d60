using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AnToan.Knowledge.Search;

/// <summary>Lucene's BM25 ranking of a built index, answered from arrays: for each term, the documents that hold it
/// and the score Lucene gives the term in each, taken from Lucene's own scorer once when the index is built.</summary>
/// <remarks>
/// A Lucene search allocated ~270 KB per question (weights, scorers, postings readers, a collector) — most of what
/// an unanswered-before question cost. Summing precomputed scores gives the same hits with the same scores in the
/// same order (tests compare the two on every evaluation question): a term's BM25 score in a document depends
/// only on the term and the document, the clauses are added up as Lucene's <c>BooleanScorer</c> does (last clause
/// first, in double, rounded to float; coord is 1 with BM25) and ties go to the lower document number.
/// Immutable once built; each thread sums into scratch arrays of its own.
/// </remarks>
internal sealed class ScoredPostings : IDisposable
{
    private readonly Dictionary<string, (int[] Docs, float[] Scores)> _byTerm;
    private readonly ThreadLocal<Scratch> _scratch;

    public ScoredPostings(IndexSearcher searcher, string field)
    {
        var reader = searcher.IndexReader;
        _byTerm = new Dictionary<string, (int[], float[])>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.DocBase != 0 || reader.Leaves.Count != 1) throw new InvalidOperationException("One segment expected.");
            var terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
            while (terms?.MoveNext() == true)
            {
                var term = terms.Term.Utf8ToString();
                var scorer = searcher.CreateNormalizedWeight(new TermQuery(new Term(field, term))).GetScorer(leaf, null);
                var docs = new List<int>();
                var scores = new List<float>();
                for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
                {
                    docs.Add(doc);
                    scores.Add(scorer.GetScore());
                }
                _byTerm[term] = (docs.ToArray(), scores.ToArray());
            }
        }
        var size = reader.MaxDoc;
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(size));
    }

    /// <summary>The best <paramref name="count"/> documents for the terms, as a Lucene <see cref="BooleanQuery"/>
    /// of one SHOULD clause per term (in this order) would find them: best first, ties by document number.</summary>
    public (int Doc, float Score)[] Top(IReadOnlyList<string> terms, int count)
    {
        var scratch = _scratch.Value!;
        var sums = scratch.Sums;
        var touched = scratch.Touched;
        var found = 0;
        try
        {
            for (var t = terms.Count - 1; t >= 0; t--)
            {
                if (!_byTerm.TryGetValue(terms[t], out var postings)) continue;
                var (docs, scores) = postings;
                for (var i = 0; i < docs.Length; i++)
                {
                    // Every score is above 0 (BM25's idf is), so 0 means "not yet seen".
                    if (sums[docs[i]] == 0) touched[found++] = docs[i];
                    sums[docs[i]] += scores[i];
                }
            }
            // The worst of the best so far on top, so a better hit replaces it.
            var best = scratch.Best;
            for (var i = 0; i < found; i++)
            {
                var hit = (Score: (float)sums[touched[i]], Doc: touched[i]);
                if (best.Count < count) best.Enqueue(hit.Doc, hit);
                else if (best.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(hit, worst) > 0)
                    best.EnqueueDequeue(hit.Doc, hit);
            }
            var hits = new (int Doc, float Score)[best.Count];
            for (var i = hits.Length - 1; i >= 0; i--)
            {
                best.TryDequeue(out var doc, out var priority);
                hits[i] = (doc, priority.Score);
            }
            return hits;
        }
        finally
        {
            for (var i = 0; i < found; i++) sums[touched[i]] = 0;
            scratch.Best.Clear();
        }
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>Per-thread sums by document, all 0 between searches, the documents a search touched, and the queue of
    /// the best (empty between searches).</summary>
    private sealed class Scratch(int size)
    {
        public PriorityQueue<int, (float Score, int Doc)> Best { get; } = new(WorstFirst.Instance);

        public double[] Sums { get; } = new double[size];
        public int[] Touched { get; } = new int[size];
    }

    /// <summary>Lower score first; on equal scores the higher document number first (Lucene keeps the lower).</summary>
    private sealed class WorstFirst : IComparer<(float Score, int Doc)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Doc) x, (float Score, int Doc) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Doc.CompareTo(x.Doc);
    }
}
