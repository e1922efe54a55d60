using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>The places and documents a question names, which the entry answering it must agree with: "Công an tỉnh
/// Nghệ An hướng dẫn số mấy?" is not answered by this province's guidance, nor "Hướng dẫn 512 ban hành ngày nào?"
/// by guidance 413, though most of their words match.</summary>
/// <param name="Places">The places named (question-forms.json): an entry answers only if it names them too.</param>
/// <param name="UnknownReferences">Document references ("hd512") no entry of the knowledge carries.</param>
/// <param name="UnitTypes">The kinds of unit named (indexes into question-forms.json's unitTypes): "cơ quan phải làm
/// gì" is not answered by what the guidance asks of schools.</param>
/// <param name="NovelWords">Topic words the knowledge never uses, typos corrected ("xăng" of "giá xăng"): the
/// question is about something else unless an entry accounts for most of the rest of it.</param>
public sealed partial record EntityAgreement(
    IReadOnlyList<string[]> Places, IReadOnlyList<string> UnknownReferences, IReadOnlyList<string> NovelWords,
    IReadOnlySet<int> UnitTypes, QuestionForms Forms)
{
    /// <summary>With a novel word, the share of the question (syllables, weighted by rarity) the answer must cover.</summary>
    public const double NovelCoverage = 0.5;

    public const string Entity = "entity";

    private static readonly ConditionalWeakTable<KnowledgeIndex, HashSet<string>> KnownReferences = new();

    public bool NamesAnything => Places.Count > 0 || UnknownReferences.Count > 0 || UnitTypes.Count > 0;

    /// <param name="question">The question as written (no typo correction): its words and extras.</param>
    /// <param name="corrected">The question as the index sees it.</param>
    public static EntityAgreement Detect(AnalyzedText question, AnalyzedText corrected, QuestionCues cues, KnowledgeIndex index, QuestionForms forms)
    {
        var words = question.Words;
        var places = new List<string[]>();
        foreach (var place in forms.Names)
            for (var i = 0; i + place.Length <= words.Count; i++)
                if (QuestionForms.At(words, i, place) && (place.Length > 1 || QuestionForms.EndsBefore(words, i, forms.PlaceMarkers)))
                {
                    places.Add(place);
                    break;
                }
        var known = KnownReferences.GetValue(index, Known);
        var unknown = question.Extras
            .Where(e => Reference().Match(e) is { Success: true } m && !AskedDetails.IsYear(m.Groups[1].Value) && !known.Contains(e))
            .Distinct()
            .ToList();
        var novel = corrected.TopicWords(index.Analyzer.Lexicon.Fillers, cues.Positions)
            .Where(w => w.All(char.IsLetter) && !index.Knows(w))
            .ToList();
        // A kind of unit inside a question cue ("cơ quan nào") asks which one rather than naming it.
        var unitTypes = TypesNamed(words, forms, cues.Positions);
        return new EntityAgreement(places, unknown, novel, unitTypes, forms);
    }

    /// <summary>Whether a candidate covers too little of a question that holds words the knowledge never uses.</summary>
    public bool Elsewhere(Candidate best) => NovelWords.Count > 0 && best.WordCoverage < NovelCoverage;

    /// <summary>Null when the entry agrees with what the question names; a hard gap otherwise.</summary>
    public DetailGap? Gap(IndexEntry entry, KnowledgeIndex index)
    {
        if (entry.Kind == EntryKind.Intent || !NamesAnything) return null;
        if (UnknownReferences.Count > 0) return new DetailGap(Entity, true);
        if (!Places.All(p => entry.Said.Any(words => Contains(words, p)))) return new DetailGap(Entity, true);
        return UnitTypes.Count > 0 && Subject(entry, index) is { } subject
            && TypesNamed(VietnameseText.Words(subject), Forms, null) is { Count: > 0 } about && !about.Overlaps(UnitTypes)
            ? new DetailGap(Entity, true) : null;
    }

    /// <summary>What an entry is about, by its title: a passage's, or for a fact that of its passage.</summary>
    private static string? Subject(IndexEntry entry, KnowledgeIndex index) => entry.Item switch
    {
        Passage p => p.Title,
        Fact f => index.Content.Passages.FirstOrDefault(p => p.Id == f.Passage)?.Title,
        _ => null,
    };

    private static HashSet<int> TypesNamed(IReadOnlyList<string> words, QuestionForms forms, IReadOnlySet<int>? skip)
    {
        var named = new HashSet<int>();
        for (var t = 0; t < forms.UnitTypes.Count; t++)
            for (var i = 0; i < words.Count; i++)
                if ((skip is null || !skip.Contains(i)) && QuestionForms.AtAny(words, i, forms.UnitTypes[t]))
                    named.Add(t);
        return named;
    }

    private static bool Contains(IReadOnlyList<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
            if (QuestionForms.At(words, i, phrase)) return true;
        return false;
    }

    /// <summary>Every document reference the knowledge carries, in any entry.</summary>
    private static HashSet<string> Known(KnowledgeIndex index) =>
        index.Entries.SelectMany(e => e.Terms).Where(t => Reference().IsMatch(t)).ToHashSet(StringComparer.Ordinal);

    /// <summary>A document reference term ("tt23", "hd413") and its number.</summary>
    [GeneratedRegex("^[a-z]+([0-9]+)$")]
    private static partial Regex Reference();
}
