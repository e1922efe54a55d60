using System.Collections.Concurrent;
using System.Globalization;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>Matches a message against the knowledge (guidance, facts, documents, abbreviations, calendar and
/// intents alike) and decides whether to answer, ask which was meant, or decline.</summary>
/// <remarks>
/// BM25 finds the candidates; the decision rests on coverage — how much of the question, weighted by rarity,
/// an entry accounts for, syllables and syllable pairs alike — because BM25 scores are not comparable between
/// questions while coverage is. Thresholds were calibrated on tests/Knowledge.Tests/eval/qa-own.tsv.
/// </remarks>
public sealed class KnowledgeMatcher(KnowledgeSearch search)
{
    /// <summary>At or above: answer.</summary>
    public const double AnswerThreshold = 0.42;

    /// <summary>At or above (and below <see cref="AnswerThreshold"/>): offer choices.</summary>
    public const double ClarifyThreshold = 0.3;

    /// <summary>Below this much <see cref="SearchResult.Information"/> a question is too vague to answer outright
    /// ("an ninh", "phong trào" alone): choices are offered instead. Commands and abbreviations asked about by
    /// name are exempt: they are short by nature.</summary>
    public const double MinInformation = 4.5;

    /// <summary>When an entry that cannot give what was asked ranks this much above the best one that can, the
    /// question is about the former and the latter answers something else: it is offered, not given.</summary>
    public const double GapLead = 0.2;

    /// <summary>An entry of the kind the question asks for (a date for "khi nào") gains this much.</summary>
    private const double FitBonus = 0.1;

    /// <summary>Weight of coverage against relative BM25 in the ranking.</summary>
    private const double CoverageWeight = 0.8;

    private const int MaxChoices = 3;

    /// <param name="today">Local date of the conversation (Bot:TimeZone): resolves "hôm nay", "tháng này".</param>
    /// <param name="include">Entries allowed (e.g. no intents in the middle of a dialog); all when null.</param>
    /// <remarks>The same question asked the same day of the same content gets the same result: recent results are
    /// kept (see <see cref="MatchCache"/>), which spares Lucene and the analysis for the questions people repeat.</remarks>
    public MatchResult Match(string question, DateOnly today, Func<IndexEntry, bool>? include = null)
    {
        var index = search.Index;
        var cache = _cache;
        if (cache.Index != index || cache.Today != today) _cache = cache = new MatchCache(index, today);
        return cache.GetOrAdd(question, include, static (q, i, c) => Match(c.Index!, q, c.Today, i));
    }

    private MatchCache _cache = new(null, default);

    /// <summary>Results of one index (one content snapshot) on one day, by question text and entry filter.</summary>
    /// <remarks>A new content snapshot or a new day starts a new cache, so nothing stale is ever served. The
    /// filter is compared by reference: the static filters the dialogs pass (a cached method group) hit, a lambda made
    /// per call only misses. A result is kept from the second time its question is asked: the first time only the
    /// question is noted, so a question asked once keeps nothing past its turn (kept whole, one-off questions filled
    /// the cache with tens of MB that the GC then promoted and collected again). Bounded: once full it starts again
    /// empty, which is simpler than an LRU and as good for questions repeated within minutes. <see cref="MatchResult"/>
    /// is an immutable record, safe to share.</remarks>
    private sealed class MatchCache(KnowledgeIndex? index, DateOnly today)
    {
        private const int MaxEntries = 4096;
        // Null: asked once, not kept.
        private ConcurrentDictionary<(string, Func<IndexEntry, bool>?), MatchResult?> _results = new();
        // Counted here: ConcurrentDictionary.Count takes every one of its locks, which every turn would wait on.
        private int _added;

        public KnowledgeIndex? Index { get; } = index;
        public DateOnly Today { get; } = today;

        public MatchResult GetOrAdd(string question, Func<IndexEntry, bool>? include, Func<string, Func<IndexEntry, bool>?, MatchCache, MatchResult> match)
        {
            var results = _results;
            var key = (question, include);
            if (results.TryGetValue(key, out var known))
            {
                if (known is not null) return known;
                var again = match(question, include, this);
                results.TryUpdate(key, again, null);
                return again;
            }
            var result = match(question, include, this);
            if (results.TryAdd(key, null) && Interlocked.Increment(ref _added) >= MaxEntries)
            {
                // Full: start afresh (roughly at the bound when turns add at once; it only bounds the memory).
                _results = new();
                Interlocked.Exchange(ref _added, 0);
            }
            return result;
        }
    }

    /// <summary>Matches against a given index rather than the one in service (benchmarks, tools).</summary>
    /// <remarks>Entries of another year's guidance are left out (see <see cref="GuidanceYear"/>). When a year up to this
    /// one that comes after the latest guidance is asked and nothing answers for it, the question is also asked of that
    /// guidance without the year, and the surer of the two matches is taken: "năm 2025 hạn nộp…" finds the 2021 deadline and says it is 2021's,
    /// while "bầu cử năm 2026" still finds the 2026 election, which belongs to no guidance. A year before every
    /// guidance, or still to come, is not answered from another year's.</remarks>
    public static MatchResult Match(KnowledgeIndex index, string question, DateOnly today, Func<IndexEntry, bool>? include = null)
    {
        var text = WrappedQuestion.Unwrap(question, QuestionForms.Default);
        if (Comparison.Match(index, text, today, include, QuestionForms.Default) is { } parts)
            return parts[0] with { Query = question, Parts = parts };
        var yesNo = YesNo.Detect(text, index, today, QuestionForms.Default);
        if (yesNo is { Claims.Count: > 0 }) text = YesNo.WithoutClaims(text);
        var content = index.Content;
        var analyzed = index.Analyze(text, today);
        var written = index.AnalyzeAsWritten(text, today);
        var lexicon = index.Analyzer.Lexicon;
        var asked = AskedDetails.Detect(written.Words, lexicon);
        var year = GuidanceYear.Of(asked, index.DocumentsNamedIn(analyzed), content, today);
        bool Admitted(IndexEntry e) => include?.Invoke(e) != false && year.Admits(e, content);
        var match = Match(index, question, analyzed, written, asked, today, Admitted) with { Year = year, YesNo = yesNo };
        if (match.Answered || year is not { Asked: { } askedYear, Missing: true }) return match;
        var term = askedYear.ToString(CultureInfo.InvariantCulture);
        string[] Restate(string w) => w == term ? [] : [w];
        var restatedWritten = written with { Words = written.Words.SelectMany(Restate).ToList() };
        var restated = Match(index, question, analyzed with { Words = analyzed.Words.SelectMany(Restate).ToList() },
            restatedWritten, AskedDetails.Detect(restatedWritten.Words, lexicon), today,
            e => Admitted(e) && GuidanceYear.Of(e, content) is not null);
        return restated.Confidence > match.Confidence && restated.Outcome <= match.Outcome ? restated with { Year = year, YesNo = yesNo } : match;
    }

    private static MatchResult Match(KnowledgeIndex index, string question, AnalyzedText analyzed, AnalyzedText written, AskedDetails asked, DateOnly today,
        Func<IndexEntry, bool>? include)
    {
        var cues = QuestionCues.Detect(analyzed.Words, index.Analyzer.Lexicon);
        var found = index.Search(analyzed, cues.Positions, include);
        if (found.Candidates.Count == 0)
            return new MatchResult(question, AnswerOutcome.Decline, null, 0, [], [], cues, found, index);

        var top = found.Candidates[0].Score;
        // What comes from a document the question names is preferred.
        var documents = index.DocumentsNamedIn(analyzed);
        var named = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var entities = EntityAgreement.Detect(written, analyzed, cues, index, QuestionForms.Default);
        // An entry that does not say what was asked comes after those that do, whatever its coverage.
        var ranked = found.Candidates
            .Select(c => Rank(c, top, Fits(c.Entry, cues, index), named.Count > 0 && named.Contains(DocumentOf(c.Entry) ?? ""),
                entities.Gap(c.Entry, index) ?? DetailCheck.Find(c.Entry, asked, cues, documents, index)))
            .OrderBy(r => r.Gap is null ? 0 : r.Gap.Hard ? 2 : 1)
            .ThenByDescending(r => r.Rank)
            .ToList();
        var best = ranked[0];
        var vague = found.Information < MinInformation && !Named(best.Entry, analyzed);
        var outranked = ranked.Any(r => r.Gap is not null && r.Rank >= best.Rank + GapLead);
        var outcome = best.Confidence >= AnswerThreshold && !vague && !outranked ? AnswerOutcome.Answer
            : best.Confidence >= ClarifyThreshold ? AnswerOutcome.Clarify
            : AnswerOutcome.Decline;
        var choices = outcome == AnswerOutcome.Clarify ? Choices(ranked) : [];
        if (outcome == AnswerOutcome.Clarify && choices.Count == 0 || entities.Elsewhere(best.Candidate)) outcome = AnswerOutcome.Decline;
        return new MatchResult(question, outcome, best.Entry, best.Confidence, ranked, choices, cues, found, index);
    }

    /// <summary>A command, or an abbreviation asked about by name ("CQ?"), is never too vague to answer.</summary>
    private static bool Named(IndexEntry entry, AnalyzedText question) => entry.Item switch
    {
        Intent => true,
        GlossaryEntry g => question.Extras.Contains(TextAnalyzer.ShortFormTerm(g.Abbr)),
        _ => false,
    };

    /// <param name="gap">What the entry does not say that was asked: it cannot answer (a hard gap: confidence 0, so
    /// it is neither the answer nor a choice), or at most be offered as a choice.</param>
    private static RankedCandidate Rank(Candidate c, double top, int fit, bool fromNamedDocument, DetailGap? gap)
    {
        var bonus = fit * FitBonus + (fromNamedDocument ? FitBonus : 0);
        var rank = CoverageWeight * c.Coverage + (1 - CoverageWeight) * (c.Score / top) + bonus;
        var confidence = Math.Clamp(c.Coverage + bonus, 0, 1);
        return new RankedCandidate(c, rank, gap switch
        {
            null => confidence,
            { Hard: true } => 0,
            _ => Math.Min(confidence, ClarifyThreshold),
        }, gap);
    }

    private static string? DocumentOf(IndexEntry entry) => entry.Item switch
    {
        Passage p => p.Source.Document,
        Fact f => f.Source.Document,
        DocumentInfo d => d.Id,
        CalendarEntry c => c.Source.Document,
        _ => null,
    };

    /// <summary>+1 when the entry gives the kind of answer the question asks for, -1 when it cannot (an
    /// abbreviation does not say "bao nhiêu"), 0 otherwise.</summary>
    private static int Fits(IndexEntry entry, QuestionCues cues, KnowledgeIndex index) =>
        cues.Type is null ? 0
        : Gives(entry, cues, index) ? 1
        : entry.Kind == EntryKind.Glossary ? -1
        : 0;

    private static bool Gives(IndexEntry entry, QuestionCues cues, KnowledgeIndex index) => cues.Countdown
        // Counting days needs a date to count to: a dated fact or a calendar entry.
        ? entry.Item is CalendarEntry or Fact { Date: not null }
            || entry.Item is Passage dated && index.FactsByPassage[dated.Id].Any(f => f.Date is not null)
        : cues.Type is { } type && entry.Item switch
    {
        Fact f => f.Type == type,
        Passage p => index.FactsByPassage[p.Id].Any(f => f.Type == type),
        CalendarEntry => type == "date",
        GlossaryEntry => type == "definition",
        DocumentInfo => type is "actor" or "reference",
        _ => false,
    };

    /// <summary>Distinct entries worth offering: a fact and its own passage are one choice, not two.</summary>
    private static List<IndexEntry> Choices(List<RankedCandidate> ranked)
    {
        var choices = new List<IndexEntry>();
        var passages = new HashSet<string>();
        foreach (var r in ranked.Where(r => r.Confidence >= ClarifyThreshold && r.Entry.Kind != EntryKind.Intent))
        {
            var passage = r.Entry.Item switch { Fact f => f.Passage, Passage p => p.Id, _ => null };
            if (passage is not null && !passages.Add(passage)) continue;
            choices.Add(r.Entry);
            if (choices.Count == MaxChoices) break;
        }
        return choices;
    }
}
