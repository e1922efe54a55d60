namespace AnToan.Knowledge.Model;

/// <summary>Everything under Knowledge/Content, loaded and validated as one immutable snapshot.</summary>
/// <remarks>A reload builds a new snapshot and swaps it in only when it validated, so a broken file
/// never replaces content that is in service.</remarks>
public sealed class KnowledgeContent
{
    public required string Root { get; init; }
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

    public IReadOnlyDictionary<string, DocumentInfo> DocumentsById => _documentsById ??= Documents.ToDictionary(d => d.Id);
    public IReadOnlyDictionary<string, Passage> PassagesById => _passagesById ??= Passages.ToDictionary(p => p.Id);
    private IReadOnlyDictionary<string, DocumentInfo>? _documentsById;
    private IReadOnlyDictionary<string, Passage>? _passagesById;
    private IReadOnlyDictionary<Type, object> _parts = new Dictionary<Type, object>();

    /// <summary>The file of another layer loaded with this snapshot (see <see cref="ContentPart"/>).</summary>
    public T Part<T>() where T : class =>
        _parts.TryGetValue(typeof(T), out var part) ? (T)part : throw new InvalidOperationException($"{typeof(T).Name} is not loaded with the content");

    /// <summary>Loads every file of <paramref name="root"/> and the <paramref name="parts"/> of the other layers;
    /// throws <see cref="ContentException"/> on the first problem.</summary>
    public static KnowledgeContent Load(string root, IEnumerable<ContentPart>? parts = null)
    {
        if (!Directory.Exists(root))
            throw new ContentException(root, null, "content folder not found");
        var content = new KnowledgeContent
        {
            Root = root,
            Documents = ContentJson.Read<List<DocumentInfo>>(root, "documents.json"),
            Passages = ContentJson.Read<List<Passage>>(root, "passages.json"),
            Facts = ContentJson.Read<List<Fact>>(root, "facts.json"),
            Glossary = ContentJson.Read<List<GlossaryEntry>>(root, "glossary.json"),
            Calendar = ContentJson.Read<List<CalendarEntry>>(root, "calendar.json"),
            Intents = ContentJson.Read<List<Intent>>(root, "intents.json"),
            Checklist = ContentJson.Read<List<ChecklistItem>>(root, "checklist.json"),
            Criteria = ContentJson.Read<List<Criterion>>(root, "criteria.json"),
            Ui = ContentJson.Read<UiContent>(root, "ui.json"),
            Templates = TemplateSet.Load(Path.Combine(root, "templates")),
        };
        ContentValidator.Validate(content);
        content._parts = (parts ?? []).ToDictionary(p => p.Type, p => p.Load(content));
        return content;
    }
}
