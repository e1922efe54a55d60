namespace AnToan.Knowledge.Text;

/// <summary>Phrases (word sequences) looked up by their first word, longest first: checking every phrase at
/// every word made analysing the content slow.</summary>
internal sealed class PhraseTable<T>
{
    private readonly Dictionary<string, List<(string[] Phrase, T Value)>> _byFirst = new(StringComparer.Ordinal);

    public void Add(string[] phrase, T value)
    {
        if (phrase.Length == 0) return;
        if (!_byFirst.TryGetValue(phrase[0], out var list)) _byFirst[phrase[0]] = list = [];
        list.Add((phrase, value));
        list.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
    }

    public IReadOnlyList<(string[] Phrase, T Value)> StartingWith(string word) =>
        _byFirst.TryGetValue(word, out var list) ? list : None;

    /// <summary>Most words start no phrase: nothing to allocate for them (<c>[]</c> here made a new list each time).</summary>
    private static readonly (string[] Phrase, T Value)[] None = [];
}
