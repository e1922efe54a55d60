using AnToan.Knowledge.Model;

namespace AnToan.Bot.Content;

/// <summary>An imported guidance under review: what the import read (paragraphs, dates: for reference) and what the
/// officer edits and publishes (the document, its passages, facts, checklist items and calendar entries).</summary>
public sealed record ContentDraft
{
    public required string DraftId { get; init; }
    public required string FileName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The content version in service when the draft was imported or last saved: what it was reviewed against.
    /// It is published only onto that version; after another change it must be saved (reviewed) again.</summary>
    public required int BasedOn { get; init; }

    /// <summary>The content version it became, once published.</summary>
    public int? PublishedVersion { get; init; }

    public required int Year { get; init; }
    public required DocumentInfo Document { get; init; }
    public required IReadOnlyList<SourceParagraph> Paragraphs { get; init; }
    public required IReadOnlyList<FoundDate> Dates { get; init; }

    /// <summary>What the document did not say and the import was not given ("number", "issued", "issuer", "title").</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    public required IReadOnlyList<Passage> Passages { get; init; }
    public required IReadOnlyList<Fact> Facts { get; init; }
    public required IReadOnlyList<ChecklistItem> Checklist { get; init; }
    public required IReadOnlyList<CalendarEntry> Calendar { get; init; }

    public static ContentDraft From(ImportedGuidance guidance, string id, string fileName, DateTimeOffset at, string who, int basedOn) => new()
    {
        DraftId = id,
        BasedOn = basedOn,
        FileName = fileName,
        CreatedAt = at,
        CreatedBy = who,
        Year = guidance.Year,
        Document = guidance.Document,
        Paragraphs = guidance.Paragraphs,
        Dates = guidance.Dates,
        Missing = guidance.Missing,
        Passages = guidance.Passages,
        Facts = guidance.Facts,
        Checklist = guidance.Checklist,
        Calendar = guidance.Calendar,
    };

    /// <summary>The draft with the officer's edit of the editable parts; every entry cites the draft's document.</summary>
    public ContentDraft Edited(DraftEdit edit, DateTimeOffset at, int basedOn)
    {
        var document = edit.Document with { Year = edit.Year };
        SourceRef Cite(SourceRef? source) => new(document.Id, source?.Part);
        return this with
        {
            UpdatedAt = at,
            BasedOn = basedOn,
            Year = edit.Year,
            Document = document,
            Passages = edit.Passages.Select(p => p with { Source = Cite(p.Source) }).ToList(),
            Facts = edit.Facts.Select(f => f with { Source = Cite(f.Source) }).ToList(),
            Checklist = edit.Checklist.Select(i => i with { Source = Cite(i.Source) }).ToList(),
            Calendar = edit.Calendar.Select(e => e with { Source = Cite(e.Source) }).ToList(),
        };
    }
}

/// <summary>The parts of a draft an officer edits (PUT /api/admin/content/drafts/{id}).</summary>
public sealed record DraftEdit(
    int Year, DocumentInfo Document, IReadOnlyList<Passage> Passages, IReadOnlyList<Fact> Facts,
    IReadOnlyList<ChecklistItem> Checklist, IReadOnlyList<CalendarEntry> Calendar);
