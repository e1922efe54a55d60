using System.Text.Json.Serialization;
using AnToan.Dialogs.Engine;
using AnToan.Knowledge.Model;

namespace AnToan.Bot.Admin;

/// <summary>The words of the export and the dashboard's labels: Content/admin.json, and the labels of unit types and
/// answers that the dialogs show (dialogs.json), so that the dashboard calls them what the chat calls them.</summary>
/// <remarks>admin.json is a part of the knowledge snapshot, so a content reload changes it too.</remarks>
public sealed class AdminWording
{
    public const string File = "admin.json";

    /// <summary>admin.json with its file-name template parsed, loaded with the knowledge content.</summary>
    public static ContentPart Part { get; } = ContentPart.Of(content =>
    {
        var wording = ContentJson.Read<AdminWording>(content.Files, File);
        content.Templates.ParseInline(File, "export.fileName", wording.Export.FileName);
        content.Templates.ParseInline(File, "publish.checklistReadyTemplate", wording.Publish.ChecklistReadyTemplate);
        return wording;
    });

    public required IReadOnlyDictionary<string, string> UnitStatus { get; init; }
    [JsonIgnore] public IReadOnlyDictionary<string, string> UnitTypes { get; private init; } = new Dictionary<string, string>();
    [JsonIgnore] public IReadOnlyDictionary<string, string> ChecklistStatus { get; private init; } = new Dictionary<string, string>();
    [JsonIgnore] public IReadOnlyDictionary<string, string> AssessmentStatus { get; private init; } = new Dictionary<string, string>();
    public required string Unanswered { get; init; }
    public required ExportWording Export { get; init; }
    public required PublishWording Publish { get; init; }

    /// <summary>The wording of <paramref name="content"/> with the labels its dialogs.json gives.</summary>
    public static AdminWording For(KnowledgeContent content)
    {
        var wording = content.Part<AdminWording>();
        var words = content.Part<DialogWords>();
        return new AdminWording
        {
            UnitStatus = wording.UnitStatus,
            Unanswered = wording.Unanswered,
            Export = wording.Export,
            Publish = wording.Publish,
            UnitTypes = Labels(words.UnitTypes),
            ChecklistStatus = Labels(words.ChecklistStatus),
            AssessmentStatus = Labels(words.AssessmentRating),
        };
    }

    private static Dictionary<string, string> Labels(IEnumerable<Dialogs.Recognizers.ChoiceOption> options) =>
        options.ToDictionary(o => o.Value, o => o.Label, StringComparer.Ordinal);

    public static string Label(IReadOnlyDictionary<string, string> labels, string? value) =>
        value is null ? "" : labels.GetValueOrDefault(value, value);
}

/// <summary>The announcement a published guidance with a checklist makes (a calendar entry of category deadline).</summary>
/// <param name="ChecklistReadyTemplate">Scriban, seen as a calendar entry's template (title, date_text, source_text...).</param>
public sealed record PublishWording(string ChecklistReadyTitle, string ChecklistReadyTemplate);

public sealed class ExportWording
{
    /// <summary>A Scriban template of the file name; sees <c>date</c> (yyyy-MM-dd).</summary>
    public required string FileName { get; init; }
    public required string UnitsSheet { get; init; }
    public required IReadOnlyList<string> UnitsColumns { get; init; }
    public required string AssessmentSheet { get; init; }
    public required IReadOnlyList<string> AssessmentColumns { get; init; }
    public required string ChecklistSheet { get; init; }
    public required IReadOnlyList<string> ChecklistColumns { get; init; }
}
