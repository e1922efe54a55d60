namespace AnToan.Knowledge.Text;

/// <summary>How a <see cref="PhraseTable{T}"/> compares a typed word with a phrase's word.</summary>
public enum PhraseMatching
{
    /// <summary>By folded form only (case and diacritics ignored): the matcher, which folds both sides, and words
    /// people often mistype ("mười"/"mươi").</summary>
    Folded,

    /// <summary>A word typed with diacritics must be the phrase's word exactly ("từ" is not "tư", "dạ" is not "đã");
    /// a word typed without matches the folded word. The dialogs' recognisers.</summary>
    ExactWhenAccented,
}

/// <summary>Phrases (word sequences) with a value each, found by their first folded word, longest first: checking
/// every phrase at every word made analysing the content slow.</summary>
/// <remarks>One table for the matcher's analyzer, which walks <see cref="StartingWith"/> over its own folded words,
/// and for the recognisers, which take <see cref="TryMatch"/> over typed <see cref="Token"/>s. Of phrases of one
/// length, the first added comes first.</remarks>
public sealed class PhraseTable<T>(PhraseMatching matching = PhraseMatching.Folded)
{
    private readonly Dictionary<string, List<Phrase<T>>> _byFirst = new(StringComparer.Ordinal);

    /// <summary>A table of phrases written as text ("mười hai"), split into words as a reply is (<see cref="Token.Split"/>).</summary>
    public static PhraseTable<T> Of(IEnumerable<KeyValuePair<string, T>> phrases, PhraseMatching matching)
    {
        var table = new PhraseTable<T>(matching);
        foreach (var (phrase, value) in phrases) table.Add(Token.Split(phrase).Select(t => t.Lower).ToArray(), value);
        return table;
    }

    /// <param name="words">The phrase's words in lower case, as written (with diacritics or already folded).</param>
    public void Add(string[] words, T value)
    {
        if (words.Length == 0) return;
        var folded = Array.ConvertAll(words, VietnameseText.FoldWord);
        if (!_byFirst.TryGetValue(folded[0], out var list)) _byFirst[folded[0]] = list = [];
        var at = list.FindIndex(p => p.Words.Length < words.Length);
        list.Insert(at < 0 ? list.Count : at, new Phrase<T>(folded, words, value));
    }

    /// <summary>The phrases whose first folded word is <paramref name="word"/>, longest first.</summary>
    public IReadOnlyList<Phrase<T>> StartingWith(string word) =>
        _byFirst.TryGetValue(word, out var list) ? list : None;

    /// <summary>The longest phrase starting at token <paramref name="start"/>: its value and how many tokens it spans.</summary>
    public bool TryMatch(IReadOnlyList<Token> tokens, int start, out T value, out int length)
    {
        var candidates = start < tokens.Count ? StartingWith(tokens[start].Folded) : None;
        for (var c = 0; c < candidates.Count; c++)
            if (Matches(tokens, start, candidates[c]))
            {
                (value, length) = (candidates[c].Value, candidates[c].Words.Length);
                return true;
            }
        (value, length) = (default!, 0);
        return false;
    }

    public bool Contains(IReadOnlyList<Token> tokens, int start) => TryMatch(tokens, start, out _, out _);

    private bool Matches(IReadOnlyList<Token> tokens, int start, Phrase<T> phrase)
    {
        if (start + phrase.Words.Length > tokens.Count) return false;
        for (var k = 0; k < phrase.Words.Length; k++)
        {
            var token = tokens[start + k];
            if (token.Folded != phrase.Words[k]) return false;
            if (matching == PhraseMatching.ExactWhenAccented && token.IsAccented && token.Lower != phrase.Written[k]) return false;
        }
        return true;
    }

    /// <summary>Most words start no phrase: nothing to allocate for them (<c>[]</c> here made a new list each time).</summary>
    private static readonly Phrase<T>[] None = [];
}

/// <summary>A phrase of a <see cref="PhraseTable{T}"/>.</summary>
/// <param name="Words">Folded: what a text's folded words are compared with.</param>
/// <param name="Written">In lower case as written: what a word typed with diacritics must be when that counts.</param>
public sealed record Phrase<T>(string[] Words, string[] Written, T Value);
