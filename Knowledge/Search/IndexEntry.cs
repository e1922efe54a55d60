namespace AnToan.Knowledge.Search;

public enum EntryKind { Passage, Fact, Intent, Document, Glossary, Calendar }

/// <summary>One thing a question can match: a passage, a fact, an intent, a document, an abbreviation or a calendar entry.</summary>
/// <param name="Key">Unique over all kinds: "passage:p-deadline", "intent:help".</param>
/// <param name="Item">The content record itself (Passage, Fact, Intent, DocumentInfo, GlossaryEntry, CalendarEntry).</param>
/// <param name="Terms">Every distinct term of every text of the entry.</param>
/// <param name="QuestionTerms">The terms of its question-like texts (titles, paraphrases, examples, keywords).</param>
/// <param name="BodyUnits">The terms of each sentence of its body text: coverage draws on the question-like texts
/// and one sentence, so syllables scattered over a long passage do not add up to a match.</param>
/// <param name="Said">The words of each text and body sentence in order, fillers kept: what the entry says, to
/// tell whether it gives the detail a question asks for ("# bước", a year).</param>
public sealed record IndexEntry(
    string Key, EntryKind Kind, string Id, object Item,
    IReadOnlySet<string> Terms, IReadOnlySet<string> QuestionTerms, IReadOnlyList<IReadOnlySet<string>> BodyUnits,
    IReadOnlyList<IReadOnlyList<string>> Said);

/// <summary>An entry found for a question.</summary>
/// <param name="Score">BM25: best question-like text plus best body text of the entry.</param>
/// <param name="WordCoverage">Share of the question's syllables (weighted by rarity) that the entry contains, 0..1.</param>
/// <param name="PairCoverage">The same for syllable pairs, i.e. for words: scattered syllables do not make a match.
/// Null when the question is a single syllable.</param>
public sealed record Candidate(IndexEntry Entry, double Score, double WordCoverage, double? PairCoverage)
{
    /// <summary>How much of the question the entry accounts for, 0..1.</summary>
    public double Coverage => PairCoverage is { } pairs ? (WordCoverage + pairs) / 2 : WordCoverage;
}

/// <summary>What a search saw and found.</summary>
/// <param name="Information">How specific the question is: the summed rarity of its topic words. "an ninh" alone
/// says little; "hạn nộp hồ sơ công nhận" says a lot.</param>
public sealed record SearchResult(Text.AnalyzedText Question, IReadOnlyList<Candidate> Candidates, double Information = 0);
