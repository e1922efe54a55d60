using System.Text.Json;
using AnToan.Knowledge.Model;

namespace AnToan.Bot.Content;

/// <summary>The content files a draft makes of a version: what cited the draft's document before (an earlier import of
/// it) is replaced by the draft's entries; everything else stays as it was.</summary>
public static class DraftMerge
{
    public static ContentFiles Apply(ContentFiles files, ContentDraft draft)
    {
        var doc = draft.Document.Id;
        return files
            .With("documents.json", Replace(files, "documents.json", d => d.Id == doc, [draft.Document]))
            .With("passages.json", Replace<Passage>(files, "passages.json", p => p.Source.Document == doc, draft.Passages))
            .With("facts.json", Replace<Fact>(files, "facts.json", f => f.Source.Document == doc, draft.Facts))
            .With("checklist.json", Replace<ChecklistItem>(files, "checklist.json", i => i.Source.Document == doc, draft.Checklist))
            .With("calendar.json", Replace<CalendarEntry>(files, "calendar.json", e => e.Source.Document == doc, draft.Calendar));
    }

    /// <summary>The ids the version already uses for entries of other documents, by file: a draft may not take them.</summary>
    public static IReadOnlySet<string> IdsOfOthers(KnowledgeContent content, string documentId, string file) => (file switch
    {
        "passages.json" => content.Passages.Where(p => p.Source.Document != documentId).Select(p => p.Id),
        "facts.json" => content.Facts.Where(f => f.Source.Document != documentId).Select(f => f.Id),
        "checklist.json" => content.Checklist.Where(i => i.Source.Document != documentId).Select(i => i.Id),
        "calendar.json" => content.Calendar.Where(e => e.Source.Document != documentId).Select(e => e.Id),
        _ => content.Documents.Where(d => d.Id != documentId).Select(d => d.Id),
    }).ToHashSet(StringComparer.Ordinal);

    private static string Replace<T>(ContentFiles files, string file, Func<T, bool> ofDraft, IEnumerable<T> entries) where T : class
    {
        var kept = ContentJson.Read<List<T>>(files, file).Where(e => !ofDraft(e));
        return JsonSerializer.Serialize(kept.Concat(entries).ToList(), ContentJson.WriteOptions);
    }
}
