using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;

namespace AnToan.Knowledge.Answers;

public enum AnswerOutcome
{
    /// <summary>Confident: answer.</summary>
    Answer,
    /// <summary>Close but not sure: "Có phải bạn muốn hỏi…" with up to three choices.</summary>
    Clarify,
    /// <summary>Nothing close: say so honestly and offer what is known.</summary>
    Decline,
}

/// <summary>The outcome of matching one message against the knowledge.</summary>
/// <param name="Best">The chosen entry (for Answer) or the closest one.</param>
/// <param name="Confidence">0..1, calibrated on the content's own evaluation set.</param>
/// <param name="Choices">For Clarify: the entries offered.</param>
public sealed record MatchResult(
    string Query, AnswerOutcome Outcome, IndexEntry? Best, double Confidence,
    IReadOnlyList<RankedCandidate> Candidates, IReadOnlyList<IndexEntry> Choices,
    QuestionCues Cues, SearchResult Search, KnowledgeIndex Index)
{
    /// <summary>The guidance year the question was answered for (null: matched against every year).</summary>
    public GuidanceYear? Year { get; init; }

    public bool Answered => Outcome == AnswerOutcome.Answer;

    /// <summary>Set when the question asks yes or no.</summary>
    public YesNo? YesNo { get; init; }

    /// <summary>Set when the question compares two things: the match of each, answered side by side.</summary>
    public IReadOnlyList<MatchResult>? Parts { get; init; }

    /// <summary>Nothing to match: no word, number or abbreviation ("?", "...", an emoji alone).</summary>
    public bool Wordless => Search.Question.Words.Count == 0 && Search.Question.Extras.Count == 0;

    public bool IsIntent(out Intent intent)
    {
        intent = (Best?.Item as Intent)!;
        return Answered && Best?.Kind == EntryKind.Intent;
    }
}

/// <param name="Rank">The score the candidates are ordered by.</param>
/// <param name="Confidence">How sure an answer with this entry would be.</param>
/// <param name="Gap">What was asked that the entry does not say; null when it says it.</param>
public sealed record RankedCandidate(Candidate Candidate, double Rank, double Confidence, DetailGap? Gap = null)
{
    public IndexEntry Entry => Candidate.Entry;
}

/// <summary>A reply: a template of Content/templates, its model and buttons, and (once composed) the text rendered from them.</summary>
public sealed record AnswerReply(string Template, object Model, IReadOnlyList<ButtonSpec> Buttons)
{
    /// <summary>The template rendered with the model, once, by <see cref="AnswerComposer.Compose"/>: a reply served
    /// again from its cache is not rendered again.</summary>
    public string Text { get; init; } = "";
}
