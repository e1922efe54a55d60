namespace AnToan.Knowledge.Model;

/// <summary>Cross-file checks: unique ids, every source names a known document, every reference resolves.</summary>
internal static class ContentValidator
{
    public static void Validate(KnowledgeContent c)
    {
        Unique("documents.json", c.Documents.Select(d => d.Id));
        Unique("passages.json", c.Passages.Select(p => p.Id));
        Unique("facts.json", c.Facts.Select(f => f.Id));
        Unique("calendar.json", c.Calendar.Select(e => e.Id));
        Unique("intents.json", c.Intents.Select(i => i.Id));
        Unique("checklist.json", c.Checklist.Select(i => i.Id));
        Unique("criteria.json", c.Criteria.Select(i => i.Id));
        Unique("glossary.json", c.Glossary.Select(g => g.Abbr));

        var docs = c.Documents.Select(d => d.Id).ToHashSet();
        foreach (var d in c.Documents)
            if (d.ReplacedBy is { } r && !docs.Contains(r))
                throw new ContentException("documents.json", null, $"document '{d.Id}' is replaced by unknown document '{r}'");

        void Source(string file, string id, SourceRef? s)
        {
            if (s is null || string.IsNullOrWhiteSpace(s.Document))
                throw new ContentException(file, null, $"'{id}' has no source");
            if (!docs.Contains(s.Document))
                throw new ContentException(file, null, $"'{id}' cites unknown document '{s.Document}'");
        }

        var passages = c.Passages.Select(p => p.Id).ToHashSet();
        foreach (var p in c.Passages)
        {
            Required("passages.json", p.Id, p.Title, p.Text);
            Source("passages.json", p.Id, p.Source);
            foreach (var r in p.Related ?? [])
                if (!passages.Contains(r))
                    throw new ContentException("passages.json", null, $"'{p.Id}' relates to unknown passage '{r}'");
        }
        foreach (var f in c.Facts)
        {
            Required("facts.json", f.Id, f.Answer, f.Type);
            Source("facts.json", f.Id, f.Source);
            if (!passages.Contains(f.Passage))
                throw new ContentException("facts.json", null, $"'{f.Id}' is tied to unknown passage '{f.Passage}'");
            if (f.Date is { } date && IsoDate.Parse(date) is null)
                throw new ContentException("facts.json", null, $"'{f.Id}' has an invalid date '{date}'");
        }
        foreach (var e in c.Calendar)
        {
            Source("calendar.json", e.Id, e.Source);
            var dated = e.Recurring ? e.Month is >= 1 and <= 12 && e.Day is null or (>= 1 and <= 31) : IsoDate.Parse(e.Date) is not null;
            if (!dated) throw new ContentException("calendar.json", null, $"'{e.Id}' has no valid date");
            // Subscriptions choose among the categories the code knows: an entry of another would never be announced.
            if (!Calendar.CalendarCategories.All.Contains(e.Category))
                throw new ContentException("calendar.json", null,
                    $"'{e.Id}' has the category '{e.Category}'; use {Calendar.CalendarCategories.OneOf}");
            c.Templates.ParseInline("calendar.json", e.Id, e.Template);
        }
        foreach (var i in c.Checklist) Source("checklist.json", i.Id, i.Source);
        foreach (var i in c.Criteria) Source("criteria.json", i.Id, i.Source);
        foreach (var i in c.Intents)
            if (i.Examples.Count == 0) throw new ContentException("intents.json", null, $"'{i.Id}' has no examples");
    }

    private static void Required(string file, string id, params string?[] values)
    {
        if (string.IsNullOrWhiteSpace(id) || values.Any(string.IsNullOrWhiteSpace))
            throw new ContentException(file, null, $"'{id}' is missing a required field");
    }

    private static void Unique(string file, IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ContentException(file, null, "an entry has no id");
            if (!seen.Add(id)) throw new ContentException(file, null, $"duplicate id '{id}'");
        }
    }
}
