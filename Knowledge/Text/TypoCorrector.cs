namespace AnToan.Knowledge.Text;

/// <summary>Maps a word the content does not know to a known word one edit away ("nghiep" typed "ngiep").</summary>
/// <remarks>A deletion index (the SymSpell idea): every known word is stored under itself and each of its
/// one-letter deletions, so a lookup costs a few dictionary probes instead of a scan of the vocabulary.
/// A word that is a well-formed syllable (a known onset followed by a rhyme the content uses) is taken as
/// meant: "giam" (giảm) is not the content's "gia" with a typo, it is a word the content does not have.</remarks>
public sealed class TypoCorrector
{
    /// <summary>Shorter words are left alone: one edit on a 3-letter syllable makes another real syllable.</summary>
    public const int MinLength = 4;

    private readonly IReadOnlyDictionary<string, int> _frequency;
    private readonly IReadOnlyList<string> _onsets;
    private readonly HashSet<string> _rhymes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byDeletion = new(StringComparer.Ordinal);

    /// <param name="frequency">Known words and how many entries use each; the more common wins a tie.</param>
    /// <param name="onsets">Syllable onsets, longest first (vietnamese.json).</param>
    public TypoCorrector(IReadOnlyDictionary<string, int> frequency, IReadOnlyList<string> onsets)
    {
        _frequency = frequency;
        _onsets = onsets;
        foreach (var word in frequency.Keys.Where(w => w.All(char.IsLetter))) _rhymes.Add(Rhyme(word));
        foreach (var word in frequency.Keys.Where(w => w.Length >= MinLength - 1 && w.All(char.IsLetter)))
            foreach (var key in Deletions(word).Prepend(word).Distinct())
            {
                if (!_byDeletion.TryGetValue(key, out var list)) _byDeletion[key] = list = [];
                list.Add(word);
            }
    }

    /// <returns>The correction, or null when the word is known, too short, or has no close known word.</returns>
    /// <summary>Whether the content uses <paramref name="term"/>.</summary>
    public bool Knows(string term) => _frequency.ContainsKey(term);

    public string? Correct(string word)
    {
        if (word.Length < MinLength || _frequency.ContainsKey(word) || !word.All(char.IsLetter)) return null;
        if (_rhymes.Contains(Rhyme(word))) return null;
        string? best = null;
        var bestFrequency = 0;
        foreach (var key in Deletions(word).Prepend(word))
        {
            if (!_byDeletion.TryGetValue(key, out var candidates)) continue;
            foreach (var candidate in candidates)
            {
                var f = _frequency[candidate];
                if (f > bestFrequency && WithinOneEdit(word, candidate)) (best, bestFrequency) = (candidate, f);
            }
        }
        return best;
    }

    private string Rhyme(string word)
    {
        var onset = _onsets.FirstOrDefault(o => word.StartsWith(o, StringComparison.Ordinal) && word.Length > o.Length);
        return onset is null ? word : word[onset.Length..];
    }

    private static IEnumerable<string> Deletions(string word)
    {
        for (var i = 0; i < word.Length; i++) yield return word.Remove(i, 1);
    }

    /// <summary>One insertion, deletion, substitution or swap of neighbours.</summary>
    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (a.Length == b.Length)
        {
            if (i == a.Length) return true;
            var tail = a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
            var swap = i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
            return tail || swap;
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }
}
