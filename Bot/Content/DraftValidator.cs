using System.Text.RegularExpressions;
using AnToan.Knowledge.Calendar;
using AnToan.Knowledge.Model;

namespace AnToan.Bot.Content;

/// <summary>Checks a draft field by field, so the review page can mark what to fix ("passages[2].text"), before the
/// merged content goes through the content validator like any other version.</summary>
public static partial class DraftValidator
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private static readonly IReadOnlySet<string> FactTypes = new HashSet<string> { "date", "number", "actor", "definition", "action", "list", "reference" };

    /// <param name="service">The content in service: the ids its other documents use are taken.</param>
    public static Dictionary<string, string[]> Check(ContentDraft draft, KnowledgeContent service)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        void Required(string field, string? value) { if (string.IsNullOrWhiteSpace(value)) Add(field, "required"); }
        void Date(string field, string? value) { if (value is not null && IsoDate.Parse(value) is null) Add(field, "not a date (yyyy-mm-dd)"); }
        void Ids(string list, string file, IEnumerable<string> ids)
        {
            var taken = DraftMerge.IdsOfOthers(service, draft.Document.Id, file);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                var field = $"{list}[{i}].id";
                if (string.IsNullOrWhiteSpace(id) || !IdPattern().IsMatch(id)) Add(field, "letters, digits and '-' only");
                else if (!seen.Add(id)) Add(field, $"'{id}' is used twice");
                else if (taken.Contains(id)) Add(field, $"'{id}' is already used by other content");
            }
        }

        if (draft.Year is < MinYear or > MaxYear) Add("year", $"between {MinYear} and {MaxYear}");
        var d = draft.Document;
        if (string.IsNullOrWhiteSpace(d.Id) || !IdPattern().IsMatch(d.Id)) Add("document.id", "letters, digits and '-' only");
        else if (DraftMerge.IdsOfOthers(service, d.Id, "documents.json").Contains(d.Id)) Add("document.id", "already used");
        Required("document.number", d.Number);
        Required("document.kind", d.Kind);
        Required("document.issuer", d.Issuer);
        Required("document.subject", d.Subject);
        Date("document.date", d.Date);

        Ids("passages", "passages.json", draft.Passages.Select(p => p.Id));
        foreach (var (p, i) in draft.Passages.Select((p, i) => (p, i)))
        {
            Required($"passages[{i}].title", p.Title);
            Required($"passages[{i}].text", p.Text);
        }
        var passages = draft.Passages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Ids("facts", "facts.json", draft.Facts.Select(f => f.Id));
        foreach (var (f, i) in draft.Facts.Select((f, i) => (f, i)))
        {
            if (!passages.Contains(f.Passage)) Add($"facts[{i}].passage", "not a passage of this draft");
            if (!FactTypes.Contains(f.Type)) Add($"facts[{i}].type", $"one of {string.Join(", ", FactTypes)}");
            Required($"facts[{i}].answer", f.Answer);
            Date($"facts[{i}].date", f.Date);
        }
        Ids("checklist", "checklist.json", draft.Checklist.Select(c => c.Id));
        foreach (var (c, i) in draft.Checklist.Select((c, i) => (c, i)))
        {
            Required($"checklist[{i}].title", c.Title);
            Required($"checklist[{i}].guidance", c.Guidance);
            Date($"checklist[{i}].due", c.Due);
        }
        Ids("calendar", "calendar.json", draft.Calendar.Select(e => e.Id));
        foreach (var (e, i) in draft.Calendar.Select((e, i) => (e, i)))
        {
            Required($"calendar[{i}].title", e.Title);
            Required($"calendar[{i}].template", e.Template);
            if (!CalendarCategories.All.Contains(e.Category)) Add($"calendar[{i}].category", CalendarCategories.OneOf);
            if (e.Recurring && (e.Month is not (>= 1 and <= 12) || e.Day is not (null or (>= 1 and <= 31)))) Add($"calendar[{i}].month", "a month 1-12 and a day 1-31 (or none)");
            if (!e.Recurring) { Required($"calendar[{i}].date", e.Date); Date($"calendar[{i}].date", e.Date); }
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex IdPattern();
}
