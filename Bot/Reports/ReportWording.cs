using System.Text.Json;
using AnToan.Knowledge;

namespace AnToan.Bot.Reports;

/// <summary>The wording of the Word report (Knowledge/Content/report.json); the layout is <see cref="WordReportWriter"/>'s.</summary>
public sealed record ReportWording(
    string NationalHeader, string Motto, string UnitLine, string PlaceDate, string Title, string Subtitle, string Intro,
    string ChecklistHeading, string AssessmentHeading, string GapsHeading, string NoGaps, string RecognitionNote,
    IReadOnlyList<string> ChecklistColumns, IReadOnlyList<string> AssessmentColumns, string Unanswered,
    IReadOnlyList<string> Recipients, string SignatureTitle, string SignatureHint, string FileName)
{
    public const string File = "report.json";

    public static ReportWording Load(KnowledgeStore knowledge) =>
        JsonSerializer.Deserialize<ReportWording>(System.IO.File.ReadAllText(Path.Combine(knowledge.Root, File)), new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        }) ?? throw new InvalidDataException($"{File} is empty");
}
