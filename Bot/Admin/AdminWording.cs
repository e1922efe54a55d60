using System.Text.Json;
using AnToan.Knowledge;
using AnToan.Knowledge.Model;

namespace AnToan.Bot.Admin;

/// <summary>The words of the export and the dashboard's labels, from Content/admin.json.</summary>
/// <remarks>Read from the content folder in service on each use (a small file, used rarely), so a content reload
/// changes them too.</remarks>
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

    public required IReadOnlyDictionary<string, string> UnitTypes { get; init; }
    public required IReadOnlyDictionary<string, string> UnitStatus { get; init; }
    public required IReadOnlyDictionary<string, string> ChecklistStatus { get; init; }
    public required IReadOnlyDictionary<string, string> AssessmentStatus { get; init; }
    public required string Unanswered { get; init; }
    public required ExportWording Export { get; init; }

    public static AdminWording Load(KnowledgeStore knowledge)
    {
        var path = Path.Combine(knowledge.Root, File);
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
