using System.Text.Json;
using System.Text.Json.Serialization;
using AnToan.Dialogs.Engine;
using AnToan.Knowledge;
using AnToan.Knowledge.Model;

namespace AnToan.Bot.Admin;

/// <summary>The words of the export and the dashboard's labels: Content/admin.json, and the labels of unit types and
/// answers that the dialogs show (dialogs.json), so that the dashboard calls them what the chat calls them.</summary>
/// <remarks>admin.json is read from the content folder in service on each use (a small file, used rarely), so a
/// content reload changes it too.</remarks>
public sealed class AdminWording
{
    public const string File = "admin.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public required IReadOnlyDictionary<string, string> UnitStatus { get; init; }
    [JsonIgnore] public IReadOnlyDictionary<string, string> UnitTypes { get; private set; } = new Dictionary<string, string>();
    [JsonIgnore] public IReadOnlyDictionary<string, string> ChecklistStatus { get; private set; } = new Dictionary<string, string>();
    [JsonIgnore] public IReadOnlyDictionary<string, string> AssessmentStatus { get; private set; } = new Dictionary<string, string>();
    public required string Unanswered { get; init; }
    public required ExportWording Export { get; init; }

    public static AdminWording Load(KnowledgeStore knowledge, DialogWords words)
    {
        var wording = Read(Path.Combine(knowledge.Root, File));
        wording.UnitTypes = Labels(words.UnitTypes);
        wording.ChecklistStatus = Labels(words.ChecklistStatus);
        wording.AssessmentStatus = Labels(words.AssessmentRating);
        return wording;
    }

    /// <summary>Reads admin.json alone: a reload checks it before the new content goes into service.</summary>
    public static AdminWording Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<AdminWording>(System.IO.File.ReadAllText(path), Json)
                ?? throw new ContentException(File, null, "file is empty");
        }
        catch (JsonException e)
        {
            throw new ContentException(File, e.LineNumber + 1, e.Message, e);
        }
        catch (IOException e)
        {
            throw new ContentException(File, null, e.Message, e);
        }
    }

    private static Dictionary<string, string> Labels(IEnumerable<Dialogs.Recognizers.ChoiceOption> options) =>
        options.ToDictionary(o => o.Value, o => o.Label, StringComparer.Ordinal);

    public static string Label(IReadOnlyDictionary<string, string> labels, string? value) =>
        value is null ? "" : labels.GetValueOrDefault(value, value);
}

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
