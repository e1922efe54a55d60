namespace AnToan.Knowledge.Text;

/// <summary>Text reduced to matching terms.</summary>
/// <param name="Words">Folded syllables in reading order, with dates, months, percentages and numbers in one
/// canonical form each and abbreviations written out.</param>
/// <param name="Extras">Terms that stand beside the words: the abbreviation of a phrase written out, a
/// document reference such as "tt23".</param>
public sealed record AnalyzedText(IReadOnlyList<string> Words, IReadOnlyList<string> Extras)
{
    /// <summary>Separates the two syllables of a pair; never part of a word.</summary>
    public const char PairSeparator = '_';

    /// <summary>Adjacent syllable pairs: Vietnamese words are mostly two syllables, so pairs carry the words.</summary>
    public IEnumerable<string> Pairs
    {
        get
        {
            for (var i = 1; i < Words.Count; i++) yield return Pair(Words[i - 1], Words[i]);
        }
    }

    /// <summary>Every term, repeats kept (term frequency matters to BM25).</summary>
    public IEnumerable<string> Terms => Words.Concat(Extras).Concat(Pairs);

    /// <summary>Pairs of neighbouring topic words: fillers and the skipped positions (question cues) left out, so
    /// "tội phạm và tệ nạn" and "tội phạm, tệ nạn" share "pham_te".</summary>
    public IEnumerable<string> TopicPairs(IReadOnlySet<string> fillers, IReadOnlySet<int>? skip = null)
    {
        string? previous = null;
        foreach (var word in TopicWords(fillers, skip))
        {
            if (previous is not null) yield return Pair(previous, word);
            previous = word;
        }
    }

    /// <summary>The words that carry the topic: not fillers, not at a skipped position.</summary>
    public IEnumerable<string> TopicWords(IReadOnlySet<string> fillers, IReadOnlySet<int>? skip = null) =>
        Words.Where((w, i) => !fillers.Contains(w) && skip?.Contains(i) != true);

    public static string Pair(string a, string b) => string.Concat(a, PairSeparator.ToString(), b);

    public static bool IsPair(string term) => term.Contains(PairSeparator);
}

/// <summary>A sentence's analysis and its distinct terms.</summary>
public sealed record AnalyzedSentence(AnalyzedText Text)
{
    public IReadOnlySet<string> Terms { get; } = Text.Terms.ToHashSet(StringComparer.Ordinal);
}
