using System.Text.Json;

namespace AnToan.Knowledge.Model;

/// <summary>Everything under Knowledge/Content, loaded and validated as one immutable snapshot.</summary>
/// <remarks>A reload builds a new snapshot and swaps it in only when it validated, so a broken file
/// never replaces content that is in service.</remarks>
public sealed class KnowledgeContent
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

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

    /// <summary>Loads every file of <paramref name="root"/>; throws <see cref="ContentException"/> on the first problem.</summary>
    public static KnowledgeContent Load(string root)
    {
        if (!Directory.Exists(root))
            throw new ContentException(root, null, "content folder not found");
        var content = new KnowledgeContent
        {
            Root = root,
            Documents = Read<List<DocumentInfo>>(root, "documents.json"),
            Passages = Read<List<Passage>>(root, "passages.json"),
            Facts = Read<List<Fact>>(root, "facts.json"),
            Glossary = Read<List<GlossaryEntry>>(root, "glossary.json"),
            Calendar = Read<List<CalendarEntry>>(root, "calendar.json"),
            Intents = Read<List<Intent>>(root, "intents.json"),
            Checklist = Read<List<ChecklistItem>>(root, "checklist.json"),
            Criteria = Read<List<Criterion>>(root, "criteria.json"),
            Ui = Read<UiContent>(root, "ui.json"),
            Templates = TemplateSet.Load(Path.Combine(root, "templates")),
        };
        ContentValidator.Validate(content);
        return content;
    }

    private static T Read<T>(string root, string name) where T : class
    {
        var path = Path.Combine(root, name);
        if (!File.Exists(path)) throw new ContentException(name, null, "file is missing");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
                ?? throw new ContentException(name, null, "file is empty");
        }
        catch (JsonException e)
        {
            throw new ContentException(name, e.LineNumber + 1, e.Message, e);
        }
    }
}
