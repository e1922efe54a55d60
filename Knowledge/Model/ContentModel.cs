namespace AnToan.Knowledge.Model;

// The shapes of the content files under Knowledge/Content/. Every answerable thing names its source.

/// <summary>Where a piece of knowledge comes from: a document of documents.json and the part of it.</summary>
public sealed record SourceRef(string Document, string? Part = null);

/// <summary>A document the guidance references (documents.json).</summary>
/// <param name="Year">For a year's guidance or plan: the year it is for. What cites it (passages, facts, checklist
/// items, one-off calendar entries) belongs to that year; documents without a year (laws, decisions) hold for all.</param>
public sealed record DocumentInfo(
    string Id, string Number, string Kind, string? Date, string Issuer, string Subject,
    string? Status = null, string? ReplacedBy = null, string? Effective = null,
    IReadOnlyList<string>? Aliases = null, string? Origin = null, bool Confirmed = true, int? Year = null);

/// <summary>An answerable unit of the guidance or of FACTS.md (passages.json).</summary>
public sealed record Passage(
    string Id, string Title, string Text, SourceRef Source,
    IReadOnlyList<string>? Paraphrases = null, IReadOnlyList<string>? Keywords = null,
    IReadOnlyList<string>? Related = null);

/// <summary>A short direct answer tied to a passage (facts.json).</summary>
/// <param name="Type">date | number | actor | definition | action | list | reference</param>
/// <param name="Date">ISO date when the fact is a deadline or a day, so answers can count days.</param>
public sealed record Fact(
    string Id, string Passage, string Type, string Answer, SourceRef Source,
    IReadOnlyList<string>? Paraphrases = null, string? Date = null);

/// <summary>An abbreviation and what it stands for (glossary.json).</summary>
public sealed record GlossaryEntry(string Abbr, string Full, IReadOnlyList<string>? Variants = null);

/// <summary>An observance, campaign, election or deadline (calendar.json); announced by the scheduler.</summary>
/// <param name="Category">observance | campaign | election | deadline</param>
/// <param name="Month">For recurring entries: the month (1-12).</param>
/// <param name="Day">For recurring entries: the day, or null for a whole-month campaign.</param>
/// <param name="Date">For one-off entries: the ISO date.</param>
/// <param name="LeadDays">Days before the date on which to announce (0 = on the day).</param>
/// <param name="Template">Scriban template of the announcement; sees the entry and the occurrence date.</param>
public sealed record CalendarEntry(
    string Id, string Title, string Category, SourceRef Source, string Template,
    bool Recurring = false, int? Month = null, int? Day = null, string? Date = null,
    IReadOnlyList<int>? LeadDays = null, string? Duties = null, string? Note = null);

/// <summary>Commands, dialog starters and small talk share the index with the guidance (intents.json).</summary>
/// <param name="Kind">command | dialog | smalltalk</param>
/// <param name="Optional">Kept although no code acts on it (see <see cref="CodeNames.CheckAll"/>): a message it matches
/// is answered as a question, or gets the help menu.</param>
public sealed record Intent(string Id, string Kind, IReadOnlyList<string> Examples, bool Optional = false);

/// <summary>A task of the year's plan (checklist.json).</summary>
public sealed record ChecklistItem(
    string Id, string Title, string Guidance, SourceRef Source,
    string? Due = null, string? DueText = null, IReadOnlyList<string>? Evidence = null);

/// <summary>A self-assessment criterion (criteria.json), tagged by unit type.</summary>
/// <param name="UnitTypes">co-quan | doanh-nghiep | nha-truong</param>
public sealed record Criterion(
    string Id, string Title, string Text, string Remedy, SourceRef Source,
    IReadOnlyList<string> UnitTypes, IReadOnlyList<string>? Evidence = null);

/// <summary>A button: what it shows and what it sends back.</summary>
public sealed record ButtonSpec(string Title, string Value);

/// <summary>Labels and menus that are data rather than sentences (ui.json).</summary>
public sealed record UiContent(IReadOnlyList<ButtonSpec> Menu);
