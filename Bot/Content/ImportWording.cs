using AnToan.Knowledge.Calendar;
using AnToan.Knowledge.Model;

namespace AnToan.Bot.Content;

/// <summary>The cue words and the wording of the importer of a guidance document (Knowledge/Content/import.json).</summary>
/// <remarks>Read strictly like every content file, with its templates parsed, as a part of the knowledge snapshot
/// (<c>content.Part&lt;ImportWording&gt;()</c>), so an administrator can teach the importer a new cue without a build.</remarks>
public sealed record ImportWording(
    IReadOnlyList<ImportWording.DocumentKind> Kinds,
    ImportWording.HeaderWords Header,
    IReadOnlyList<string> HeadingWords,
    ImportWording.DutyWords Duties,
    IReadOnlyList<string> DeadlineCues,
    IReadOnlyList<string> TargetCues,
    IReadOnlyList<string> RecipientCues,
    IReadOnlyList<string> RecipientEnds,
    IReadOnlyList<string> PurposeCues,
    IReadOnlyList<ImportWording.NamedDay> NamedDays,
    ImportWording.PartNames Parts,
    IReadOnlyList<string> Aliases,
    ImportWording.TitleTemplates Titles,
    ImportWording.ParaphraseTemplates Paraphrases,
    ImportWording.CalendarWording Calendar,
    ImportWording.ProblemWording Problems)
{
    public const string File = "import.json";

    /// <param name="Abbreviation">What the kind's numbers carry after the slash: "HD" in "413/HD-CAT-PV05".</param>
    public sealed record DocumentKind(string Name, string Abbreviation);

    public sealed record HeaderWords(
        IReadOnlyList<string> NumberLabels, IReadOnlyList<string> IssuedCues, IReadOnlyList<string> IssuedFillers,
        IReadOnlyList<string> NumberWords, IReadOnlyList<string> NationalHeader, IReadOnlyList<string> PlaceWords,
        IReadOnlyList<string> ProperNames, IReadOnlyList<string> ClosingStarts);

    public sealed record DutyWords(
        IReadOnlyList<string> Cues, IReadOnlyList<string> LeadIns, IReadOnlyList<string> Actors, IReadOnlyList<string> ObjectEnds,
        int ObjectWords);

    /// <param name="Category">The calendar category of what it names: observance | campaign.</param>
    public sealed record NamedDay(string Word, string Category);

    public sealed record PartNames(string Paragraph, string Header, string Closing);

    public sealed record TitleTemplates(string Deadline, string Target, string Actor);

    public sealed record ParaphraseTemplates(
        IReadOnlyList<string> Passage, IReadOnlyList<string> Keyword, IReadOnlyList<string> Deadline,
        IReadOnlyList<string> Target, IReadOnlyList<string> Actor);

    public sealed record CalendarWording(DeadlineEntry Deadline, RecurringEntry Recurring);

    public sealed record DeadlineEntry(string Title, IReadOnlyList<int> LeadDays, string Template);

    public sealed record RecurringEntry(IReadOnlyList<int> LeadDays, string Template);

    public sealed record ProblemWording(string UnsupportedType, string Broken, string NotUtf8, string Empty, string NoYear);

    /// <summary>import.json with every template parsed, loaded with the knowledge content.</summary>
    public static ContentPart Part { get; } = ContentPart.Of(content =>
    {
        var wording = ContentJson.Read<ImportWording>(content.Files, File);
        foreach (var (key, source) in wording.Templates())
            content.Templates.ParseInline(File, key, source);
        if (wording.Duties.ObjectWords < 1)
            throw new ContentException(File, null, "duties.objectWords must be at least 1");
        // A named day becomes a calendar entry of its category, which must be one the subscriptions know.
        if (wording.NamedDays.FirstOrDefault(n => !CalendarCategories.All.Contains(n.Category)) is { } unknown)
            throw new ContentException(File, null,
                $"namedDays '{unknown.Word}' has the category '{unknown.Category}'; use {CalendarCategories.OneOf}");
        return wording;
    });

    /// <summary>Every Scriban template of the file, by the key an error names.</summary>
    internal IEnumerable<(string Key, string Source)> Templates() =>
        Aliases.Select((a, i) => ($"aliases[{i}]", a))
            .Concat([
                ("parts.paragraph", Parts.Paragraph), ("titles.deadline", Titles.Deadline), ("titles.target", Titles.Target),
                ("titles.actor", Titles.Actor), ("calendar.deadline.title", Calendar.Deadline.Title),
                ("calendar.deadline.template", Calendar.Deadline.Template), ("calendar.recurring.template", Calendar.Recurring.Template),
                ("problems.unsupportedType", Problems.UnsupportedType), ("problems.broken", Problems.Broken),
                ("problems.notUtf8", Problems.NotUtf8), ("problems.empty", Problems.Empty), ("problems.noYear", Problems.NoYear),
            ])
            .Concat(Paraphrases.Passage.Select((p, i) => ($"paraphrases.passage[{i}]", p)))
            .Concat(Paraphrases.Keyword.Select((p, i) => ($"paraphrases.keyword[{i}]", p)))
            .Concat(Paraphrases.Deadline.Select((p, i) => ($"paraphrases.deadline[{i}]", p)))
            .Concat(Paraphrases.Target.Select((p, i) => ($"paraphrases.target[{i}]", p)))
            .Concat(Paraphrases.Actor.Select((p, i) => ($"paraphrases.actor[{i}]", p)));
}
