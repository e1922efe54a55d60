using AnToan.Knowledge.Model;

namespace AnToan.Bot.Reports;

/// <summary>The wording of the Word report (Knowledge/Content/report.json); the layout is <see cref="WordReportWriter"/>'s.</summary>
/// <param name="GapDue">Put before the date of an overdue checklist item among the gaps.</param>
public sealed record ReportWording(
    string NationalHeader, string Motto, string UnitLine, string PlaceDate, string Title, string Subtitle, string Intro,
    string ChecklistHeading, string AssessmentHeading, string GapsHeading, string NoGaps, string GapDue, string RecognitionNote,
    IReadOnlyList<string> ChecklistColumns, IReadOnlyList<string> AssessmentColumns, string Unanswered,
    IReadOnlyList<string> Recipients, string SignatureTitle, string SignatureHint, string FileName)
{
    public const string File = "report.json";

    /// <summary>report.json with its inline templates parsed, loaded with the knowledge content (<c>content.Part&lt;ReportWording&gt;()</c>).</summary>
    public static ContentPart Part { get; } = ContentPart.Of(content =>
    {
        var wording = ContentJson.Read<ReportWording>(content.Files, File);
        foreach (var (key, source) in wording.InlineTemplates())
            content.Templates.ParseInline(File, key, source);
        return wording;
    });

    /// <summary>The fields that are Scriban templates, by the key an error names.</summary>
    private IEnumerable<(string Key, string Source)> InlineTemplates() =>
        [("unitLine", UnitLine), ("placeDate", PlaceDate), ("subtitle", Subtitle), ("intro", Intro), ("fileName", FileName)];
}
