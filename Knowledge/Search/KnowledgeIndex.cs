using System.Globalization;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Directory = Lucene.Net.Store.Directory;

namespace AnToan.Knowledge.Search;

/// <summary>A BM25 index over one content snapshot, in memory, with the Vietnamese analysis of <see cref="TextAnalyzer"/>.</summary>
/// <remarks>
/// Every text of an entry is its own Lucene document: texts written like a question (titles, paraphrases,
/// examples, keywords, document numbers, abbreviations) and body text. An entry scores its best question-like
/// text plus its best body text (weighted by <see cref="BodyBoost"/>), so a passage with twenty paraphrases is
/// not penalised for length as one long field would be. One field for both keeps a search to one list of
/// scores per term.
/// Lucene builds the index and scores each term once (<see cref="ScoredPostings"/>); a search adds those scores up.
/// Immutable once built: searches run concurrently, and a content reload builds a new index.
/// </remarks>
public sealed class KnowledgeIndex : IDisposable
{
    private const string TextField = "t";
    private const string EntryField = "e";

    /// <summary>A term in more than this share of the entries is too common to search by.</summary>
    private const double CommonShare = 0.25;

    /// <summary>Body text counts for less than a text written as a question.</summary>
    public const float BodyBoost = 0.5f;

    /// <summary>How many texts a search scores entries by.</summary>
    private const int MaxHits = 200;

    private readonly Directory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly ScoredPostings _postings;

    /// <summary>Per-thread scores by entry for <see cref="Search"/>, all 0 between searches: a search runs many times a
    /// question (comparisons, yes/no claims, related questions), and a dictionary made or cleared each time cost more
    /// than the search.</summary>
    private readonly ThreadLocal<EntryScores> _entryScores;

    private sealed class EntryScores(int size)
    {
        public float[] Question { get; } = new float[size];
        public float[] Body { get; } = new float[size];
        public int[] Touched { get; } = new int[size];
    }
    private readonly int[] _docEntry;
    private readonly bool[] _docIsBody;
    private readonly Dictionary<string, int> _entryFrequency;
    private readonly TypoCorrector _corrector;
    private readonly double _unknownIdf;

    /// <summary>The documents with a reference term ("tt23"), in content order: worked out once, not per question.</summary>
    private readonly (DocumentInfo Document, string Reference)[] _references;

    public TextAnalyzer Analyzer { get; }
    public KnowledgeContent Content { get; }
    public IReadOnlyList<IndexEntry> Entries { get; }
    public IReadOnlyDictionary<string, IndexEntry> ByKey { get; }
    public ILookup<string, Fact> FactsByPassage { get; }

    private KnowledgeIndex(KnowledgeContent content, TextAnalyzer analyzer, List<(IndexEntry Entry, List<(bool Body, string Text)> Texts)> entries)
    {
        Content = content;
        Analyzer = analyzer;
        _directory = new RAMDirectory();
        // Each text is analysed once: for its terms here, and again by Lucene from this table.
        var analysed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48,
            new LuceneAnalyzer(text => analysed.TryGetValue(text, out var known) ? known : analyzer.Analyze(text).Terms))
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
        };
        var built = new List<IndexEntry>(entries.Count);
        _entryFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var e = 0; e < entries.Count; e++)
            {
                var (entry, texts) = entries[e];
                var terms = new HashSet<string>(StringComparer.Ordinal);
                var questionTerms = new HashSet<string>(StringComparer.Ordinal);
                var units = new List<IReadOnlySet<string>>();
                var said = new List<IReadOnlyList<string>>();
                foreach (var (body, text) in texts)
                {
                    var parts = (body ? Sentences.Split(text) : [text]).Select(t => analyzer.Analyze(t)).ToList();
                    analysed[text] = parts.SelectMany(p => p.Terms).ToList();
                    said.AddRange(parts.Select(p => p.Words));
                    if (body) units.AddRange(parts.Select(p => TermsOf(p, analyzer.Lexicon.Fillers)));
                    else questionTerms.UnionWith(TermsOf(parts[0], analyzer.Lexicon.Fillers));
                    writer.AddDocument(new Document
                    {
                        new TextField(TextField, text, Field.Store.NO),
                        new NumericDocValuesField(EntryField, e * 2 + (body ? 1 : 0)),
                    });
                }
                terms.UnionWith(questionTerms);
                foreach (var u in units) terms.UnionWith(u);
                foreach (var t in terms) _entryFrequency[t] = _entryFrequency.GetValueOrDefault(t) + 1;
                built.Add(entry with { Terms = terms, QuestionTerms = questionTerms, BodyUnits = units, Said = said });
            }
            // One segment, whose document numbers ScoredPostings keeps.
            writer.ForceMerge(1);
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _postings = new ScoredPostings(_searcher, TextField);
        var values = MultiDocValues.GetNumericValues(_reader, EntryField);
        _docEntry = new int[_reader.MaxDoc];
        _docIsBody = new bool[_reader.MaxDoc];
        for (var d = 0; d < _reader.MaxDoc; d++)
        {
            var v = values.Get(d);
            _docEntry[d] = (int)(v / 2);
            _docIsBody[d] = v % 2 == 1;
        }
        Entries = built;
        _entryScores = new ThreadLocal<EntryScores>(() => new EntryScores(built.Count));
        ByKey = built.ToDictionary(e => e.Key);
        FactsByPassage = content.Facts.ToLookup(f => f.Passage);
        _references = content.Documents
            .Select(d => (d, TextAnalyzer.ReferenceTerm(d.Number)))
            .Where(r => r.Item2 is not null)
            .Select(r => (r.d, r.Item2!))
            .ToArray();
        _unknownIdf = Idf(0);
        _corrector = new TypoCorrector(_entryFrequency
            .Where(kv => !AnalyzedText.IsPair(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), analyzer.Lexicon.Onsets);
    }

    /// <summary>Builds the index of a content snapshot.</summary>
    public static KnowledgeIndex Build(KnowledgeContent content)
    {
        var corpus = content.Passages.SelectMany(p => (p.Paraphrases ?? []).Append(p.Title).Append(p.Text))
            .Concat(content.Facts.SelectMany(f => (f.Paraphrases ?? []).Append(f.Answer)))
            .Concat(content.Intents.SelectMany(i => i.Examples));
        var analyzer = new TextAnalyzer(content.Lexicon, content.Glossary, content.Documents, corpus);
        return new KnowledgeIndex(content, analyzer, Describe(content, analyzer).ToList());
    }

    /// <summary>The texts of each entry: question-like ones first (Body = false), then body text.</summary>
    private static IEnumerable<(IndexEntry, List<(bool Body, string Text)>)> Describe(KnowledgeContent c, TextAnalyzer analyzer)
    {
        static IndexEntry E(EntryKind kind, string id, object item) => new(Key(kind, id), kind, id, item, new HashSet<string>(), new HashSet<string>(), [], []);
        static List<(bool, string)> Texts(IEnumerable<string?> questions, IEnumerable<string?> bodies) =>
            questions.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => (false, t!))
                .Concat(bodies.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => (true, t!))).ToList();

        foreach (var p in c.Passages)
            yield return (E(EntryKind.Passage, p.Id, p), Texts(
                (p.Paraphrases ?? []).Prepend(p.Title).Append(string.Join(' ', p.Keywords ?? [])), [p.Text]));
        foreach (var f in c.Facts)
            yield return (E(EntryKind.Fact, f.Id, f), Texts(f.Paraphrases ?? [], [f.Answer]));
        foreach (var i in c.Intents)
            yield return (E(EntryKind.Intent, i.Id, i), Texts(i.Examples, []));
        foreach (var d in c.Documents.Where(d => d.Confirmed))
            yield return (E(EntryKind.Document, d.Id, d), Texts(
                (d.Aliases ?? []).Prepend($"{d.Kind} {d.Number}"), [d.Subject, d.Issuer]));
        foreach (var g in c.Glossary)
            yield return (E(EntryKind.Glossary, g.Abbr, g), Texts([g.Abbr, g.Full], g.Variants ?? []));
        var month = string.Join(' ', analyzer.Lexicon.MonthWords[0]);
        foreach (var e in c.Calendar)
        {
            var when = e.Recurring
                ? e.Day is { } day ? $"{day}/{e.Month}" : $"{month} {e.Month}"
                : DateOnly.TryParse(e.Date, CultureInfo.InvariantCulture, out var date)
                    ? $"{date.Day}/{date.Month}/{date.Year} {month} {date.Month}" : null;
            yield return (E(EntryKind.Calendar, e.Id, e), Texts([e.Title, when], [e.Duties, e.Note]));
        }
    }

    /// <summary>The entries that best match <paramref name="question"/>, best first.</summary>
    /// <param name="today">Resolves "hôm nay", "tháng này" in the question.</param>
    /// <param name="include">Which entries may be returned (e.g. no intents in the middle of a dialog).</param>
    public SearchResult Search(string question, DateOnly? today = null, Func<IndexEntry, bool>? include = null, int count = 10) =>
        Search(Analyze(question, today), null, include, count);

    /// <param name="skip">Word positions left out of coverage (question cues such as "khi nào").</param>
    public SearchResult Search(AnalyzedText analyzed, IReadOnlySet<int>? skip, Func<IndexEntry, bool>? include = null, int count = 10)
    {
        var fillers = Analyzer.Lexicon.Fillers;
        var terms = analyzed.Terms.Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0) return new SearchResult(analyzed, []);
        // Fillers and syllables found in most entries rank nothing but cost the most to score: left out when
        // the question has anything more telling (coverage still counts them).
        var known = terms.Where(_entryFrequency.ContainsKey).ToList();
        var telling = known.Where(t => !fillers.Contains(t) && _entryFrequency[t] <= Entries.Count * CommonShare).ToList();
        var hits = _postings.Top(telling.Count > 0 ? telling : known, MaxHits);
        // The best question-side and body-side score of each entry hit, in the order first hit (ties keep it).
        var best = _entryScores.Value!;
        var touched = 0;
        foreach (var (doc, score) in hits)
        {
            var e = _docEntry[doc];
            if (best.Question[e] == 0 && best.Body[e] == 0) best.Touched[touched++] = e; // every score is above 0
            if (_docIsBody[doc]) best.Body[e] = Math.Max(best.Body[e], BodyBoost * score);
            else best.Question[e] = Math.Max(best.Question[e], score);
        }
        var topic = analyzed.TopicWords(fillers, skip).ToList();
        // A message made only of fillers and cues ("không", "là gì") is judged on all its words.
        var words = (topic.Count > 0 ? topic : analyzed.Words).Concat(analyzed.Extras).ToHashSet(StringComparer.Ordinal);
        var pairs = (topic.Count > 0 ? analyzed.TopicPairs(fillers, skip) : analyzed.Pairs).ToHashSet(StringComparer.Ordinal);
        List<Candidate> candidates;
        try
        {
            candidates = best.Touched.Take(touched)
                .Select(e => (Entry: Entries[e], Score: (double)best.Question[e] + best.Body[e]))
                .Where(x => include?.Invoke(x.Entry) ?? true)
                .OrderByDescending(x => x.Score)
                .Take(count)
                .Select(x => new Candidate(x.Entry, x.Score, Coverage(words, x.Entry), pairs.Count == 0 ? null : Coverage(pairs, x.Entry)))
                .ToList();
        }
        finally
        {
            for (var i = 0; i < touched; i++) best.Question[best.Touched[i]] = best.Body[best.Touched[i]] = 0;
        }
        return new SearchResult(analyzed, candidates, words.Sum(w => _entryFrequency.TryGetValue(w, out var df) ? Idf(df) : _unknownIdf));
    }

    /// <summary>What Lucene itself finds for the terms (one SHOULD clause each), to check <see cref="ScoredPostings"/> against.</summary>
    internal (int Doc, float Score)[] LuceneTop(IReadOnlyList<string> terms, int count = MaxHits)
    {
        var query = new BooleanQuery();
        foreach (var t in terms) query.Add(new TermQuery(new Term(TextField, t)), Occur.SHOULD);
        return _searcher.Search(query, count).ScoreDocs.Select(h => (h.Doc, h.Score)).ToArray();
    }

    /// <summary>The same, from the precomputed scores searches use.</summary>
    internal (int Doc, float Score)[] Top(IReadOnlyList<string> terms, int count = MaxHits) => _postings.Top(terms, count);

    /// <summary>The documents a question names ("hướng dẫn 413", "TT 23", "23/2012/TT-BCA").</summary>
    public IReadOnlyList<DocumentInfo> DocumentsNamedIn(AnalyzedText question)
    {
        if (question.Extras.Count == 0) return [];
        var named = new List<DocumentInfo>();
        foreach (var (document, reference) in _references)
            if (question.Extras.Contains(reference)) named.Add(document);
        return named;
    }

    /// <summary>Whether any entry uses <paramref name="term"/>.</summary>
    public bool Knows(string term) => _entryFrequency.ContainsKey(term);

    /// <summary>The entry of a content record.</summary>
    public IndexEntry? EntryOf(EntryKind kind, string id) => ByKey.GetValueOrDefault(Key(kind, id));

    private static string Key(EntryKind kind, string id) => $"{kind.ToString().ToLowerInvariant()}:{id}";

    /// <summary>A sentence of the content, analysed, with its terms as a set. Replies weigh the sentences of the same
    /// passages again and again (the snippet, the lead): each is analysed once per content snapshot.</summary>
    /// <remarks>For the content's own text: what is kept is bounded by it (and by <see cref="MaxSentences"/> for
    /// anything else), and an index is immutable, so a result never goes stale.</remarks>
    public AnalyzedSentence Sentence(string sentence) =>
        _sentences.GetOrAdd(sentence, static (s, analyzer) => new AnalyzedSentence(analyzer.Analyze(s)), Analyzer);

    private const int MaxSentences = 100_000;
    private readonly BoundedCache<string, AnalyzedSentence> _sentences = new(MaxSentences, StringComparer.Ordinal);

    /// <summary>The question as written: the index's analysis without typo correction, which may turn a word the
    /// content never uses ("bước") into one it does.</summary>
    public AnalyzedText AnalyzeAsWritten(string question, DateOnly? today = null) => Analyzer.Analyze(question, today);

    /// <summary>The question as the index sees it (typos corrected, "tháng này" resolved).</summary>
    public AnalyzedText Analyze(string question, DateOnly? today = null) =>
        Analyzer.Analyze(question, today, _corrector.Correct, _corrector.Knows);

    private static HashSet<string> TermsOf(AnalyzedText analyzed, IReadOnlySet<string> fillers)
    {
        var terms = analyzed.Terms.ToHashSet(StringComparer.Ordinal);
        terms.UnionWith(analyzed.TopicPairs(fillers));
        return terms;
    }

    /// <summary>Rarity-weighted share of <paramref name="query"/> found in the question-like texts of the entry
    /// together with its best body sentence; 1 when there is nothing to cover.</summary>
    public double Coverage(IReadOnlySet<string> query, IndexEntry entry)
    {
        double total = 0, inQuestions = 0;
        var inUnit = new double[entry.BodyUnits.Count];
        foreach (var t in query)
        {
            var w = _entryFrequency.TryGetValue(t, out var df) ? Idf(df) : _unknownIdf;
            total += w;
            if (entry.QuestionTerms.Contains(t)) inQuestions += w;
            else
                for (var u = 0; u < inUnit.Length; u++)
                    if (entry.BodyUnits[u].Contains(t)) inUnit[u] += w;
        }
        return total == 0 ? 1 : (inQuestions + (inUnit.Length == 0 ? 0 : inUnit.Max())) / total;
    }

    /// <summary>Rarity-weighted share of <paramref name="query"/> found in <paramref name="entry"/>; 1 when there is nothing to cover.</summary>
    public double Coverage(IReadOnlySet<string> query, IReadOnlySet<string> entry)
    {
        double total = 0, found = 0;
        foreach (var t in query)
        {
            var w = _entryFrequency.TryGetValue(t, out var df) ? Idf(df) : _unknownIdf;
            total += w;
            if (entry.Contains(t)) found += w;
        }
        return total == 0 ? 1 : found / total;
    }

    private double Idf(int df) => Math.Log(1 + (Entries.Count - df + 0.5) / (df + 0.5));

    public void Dispose()
    {
        _postings.Dispose();
        _entryScores.Dispose();
        _reader.Dispose();
        _directory.Dispose();
    }
}
