namespace AnToan.Knowledge.Model;

/// <summary>Everything under Knowledge/Content, loaded and validated as one immutable snapshot.</summary>
/// <remarks>A reload builds a new snapshot and swaps it in only when it validated, so a broken file
/// never replaces content that is in service.</remarks>
public sealed class KnowledgeContent
{
    /// <summary>The JSON files this snapshot was read from (what a content version stores).</summary>
    public required ContentFiles Files { get; init; }
    public required IReadOnlyList<DocumentInfo> Documents { get; init; }
    public required IReadOnlyList<Passage> Passages { get; init; }
    public required IReadOnlyList<Fact> Facts { get; init; }
    public required IReadOnlyList<GlossaryEntry> Glossary { get; init; }
    public required IReadOnlyList<CalendarEntry> Calendar { get; init; }
    public required IReadOnlyList<Intent> Intents { get; init; }
    public required IReadOnlyList<ChecklistItem> Checklist { get; init; }
    public required IReadOnlyList<Criterion> Criteria { get; init; }
    public required UiContent Ui { get; init; }
    public required TemplateSet Templates { get; init; }

    /// <summary>vietnamese.json: the words the matcher and the dialogs' recognisers read.</summary>
    public required Text.Vocabulary Vocabulary { get; init; }

    /// <summary>The matcher's view of <see cref="Vocabulary"/>: the index of this snapshot is analysed with it.</summary>
    public Text.Lexicon Lexicon => _lexicon ??= Text.Lexicon.Of(Vocabulary);

    /// <summary>The intents one of whose examples <paramref name="text"/> is, folded (case, diacritics and punctuation
    /// aside), in content order: a command typed as its example. The examples are folded once per snapshot; text that
    /// folds to nothing (an emoji) is no example.</summary>
    public IEnumerable<Intent> IntentsWithExample(string text) =>
        (_intentsByExample ??= Intents
            .SelectMany(i => i.Examples.Select(e => (Folded: Text.VietnameseText.Fold(e), Intent: i)).DistinctBy(x => x.Folded))
            .Where(x => x.Folded.Length > 0)
            .ToLookup(x => x.Folded, x => x.Intent, StringComparer.Ordinal))[Text.VietnameseText.Fold(text)];

    public IReadOnlyDictionary<string, DocumentInfo> DocumentsById => _documentsById ??= Documents.ToDictionary(d => d.Id);
    public IReadOnlyDictionary<string, Passage> PassagesById => _passagesById ??= Passages.ToDictionary(p => p.Id);
    /// <summary>The years that have a guidance (documents with a <see cref="DocumentInfo.Year"/>), in order.</summary>
    public IReadOnlyList<int> GuidanceYears => _years ??= Documents.Select(d => d.Year).OfType<int>().Distinct().Order().ToList();

    /// <summary>The year of what cites <paramref name="source"/>: its document's year, or null when it holds for every year.</summary>
    public int? YearOf(SourceRef source) => DocumentsById.TryGetValue(source.Document, out var d) ? d.Year : null;

    /// <summary>The year whose guidance applies in <paramref name="year"/>: that year when it has one, else the latest
    /// before it, else the earliest; null when no document has a year.</summary>
    public int? WorkingYear(int year) =>
        GuidanceYears.Contains(year) ? year
        : GuidanceYears.LastOrDefault(y => y < year) is var before and > 0 ? before
        : GuidanceYears.Count > 0 ? GuidanceYears[0] : null;

    /// <summary>Whether a rule with an effective date was in force for (most of) <paramref name="year"/>: in effect by its
    /// end, and not replaced by a rule in effect by then. Null for documents without an effective date.</summary>
    /// <example>Thông tư 23/2012 is the rule of 2021; Thông tư 124/2021, in effect from 10/02/2022, that of 2022 on.</example>
    public bool? InForce(DocumentInfo document, int year)
    {
        if (IsoDate.Parse(document.Effective) is not { } effective) return null;
        var end = new DateOnly(year, 12, 31);
        return effective <= end
            && !(document.ReplacedBy is { } by && DocumentsById.TryGetValue(by, out var next) && IsoDate.Parse(next.Effective) is { } replaced && replaced <= end);
    }

    /// <summary>The checklist of one year's guidance (with the items that hold for every year).</summary>
    public IReadOnlyList<ChecklistItem> ChecklistFor(int? year) =>
        Checklist.Where(i => YearOf(i.Source) is not { } y || y == year).ToList();

    /// <summary>The guidance document of <paramref name="year"/>: the one its checklist cites, else the first of that year.</summary>
    public DocumentInfo? GuidanceOf(int? year) =>
        ChecklistFor(year).Select(i => DocumentsById[i.Source.Document]).FirstOrDefault(d => d.Year == year)
        ?? Documents.FirstOrDefault(d => d.Year is not null && d.Year == year);

    private Text.Lexicon? _lexicon;
    private ILookup<string, Intent>? _intentsByExample;
    private IReadOnlyList<int>? _years;
    private IReadOnlyDictionary<string, DocumentInfo>? _documentsById;
    private IReadOnlyDictionary<string, Passage>? _passagesById;
    private IReadOnlyDictionary<Type, object> _parts = new Dictionary<Type, object>();

    /// <summary>The file of another layer loaded with this snapshot (see <see cref="ContentPart"/>).</summary>
    public T Part<T>() where T : class =>
        _parts.TryGetValue(typeof(T), out var part) ? (T)part : throw new InvalidOperationException($"{typeof(T).Name} is not loaded with the content");

    /// <summary>Loads every file of <paramref name="root"/> and the <paramref name="parts"/> of the other layers;
    /// throws <see cref="ContentException"/> on the first problem.</summary>
    public static KnowledgeContent Load(string root, IEnumerable<ContentPart>? parts = null) =>
        Load(ContentFiles.FromFolder(root), parts);

    /// <summary>Reads and checks the JSON <paramref name="files"/> of one content version with the templates beside them.</summary>
    public static KnowledgeContent Load(ContentFiles files, IEnumerable<ContentPart>? parts = null)
    {
        var content = new KnowledgeContent
        {
            Files = files,
            Documents = ContentJson.Read<List<DocumentInfo>>(files, "documents.json"),
            Passages = ContentJson.Read<List<Passage>>(files, "passages.json"),
            Facts = ContentJson.Read<List<Fact>>(files, "facts.json"),
            Glossary = ContentJson.Read<List<GlossaryEntry>>(files, "glossary.json"),
            Calendar = ContentJson.Read<List<CalendarEntry>>(files, "calendar.json"),
            Intents = ContentJson.Read<List<Intent>>(files, "intents.json"),
            Checklist = ContentJson.Read<List<ChecklistItem>>(files, "checklist.json"),
            Criteria = ContentJson.Read<List<Criterion>>(files, "criteria.json"),
            Ui = ContentJson.Read<UiContent>(files, "ui.json"),
            Templates = TemplateSet.Load(Path.Combine(files.TemplatesRoot, "templates")),
            Vocabulary = Text.Vocabulary.Read(files),
        };
        ContentValidator.Validate(content);
        var loaded = new Dictionary<Type, object>();
        foreach (var part in parts ?? [])
        {
            var value = part.Load(content);
            if (part.Type is not null) loaded.Add(part.Type, value);
        }
        content._parts = loaded;
        return content;
    }
}
