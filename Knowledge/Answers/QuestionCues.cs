using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>What kind of answer a question asks for, from its wording (lexicon.json).</summary>
/// <param name="Type">date | number | actor | definition (the fact types of facts.json), or null.</param>
/// <param name="Countdown">"còn bao nhiêu ngày ...": the answer counts days from today.</param>
/// <param name="Positions">Where the cues stand in the question's words: they say what kind of answer is
/// wanted, not what about, so coverage leaves them out.</param>
public sealed record QuestionCues(string? Type, bool Countdown, IReadOnlySet<int> Positions)
{
    /// <summary>The longest cue found decides the type ("ngày bao nhiêu" is a date, "bao nhiêu" a number).</summary>
    public static QuestionCues Detect(IReadOnlyList<string> words, Lexicon lexicon)
    {
        string? type = null;
        var longest = 0;
        var positions = new HashSet<int>();
        foreach (var (cueType, phrase) in lexicon.QuestionCues)
            if (Find(words, phrase, positions) && phrase.Length > longest) (type, longest) = (cueType, phrase.Length);
        var countdown = false;
        foreach (var phrase in lexicon.Countdown) countdown |= Find(words, phrase, positions);
        return new QuestionCues(countdown ? "date" : type, countdown, positions);
    }

    private static bool Find(IReadOnlyList<string> words, string[] phrase, HashSet<int> positions)
    {
        var found = false;
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            var k = 0;
            while (k < phrase.Length && words[i + k] == phrase[k]) k++;
            if (k < phrase.Length) continue;
            found = true;
            for (k = 0; k < phrase.Length; k++) positions.Add(i + k);
        }
        return found;
    }
}
