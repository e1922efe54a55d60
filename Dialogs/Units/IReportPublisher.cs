namespace AnToan.Dialogs.Units;

/// <summary>Turns a unit's report into a document behind an unguessable link that expires (implemented in the host).</summary>
public interface IReportPublisher
{
    /// <returns>The absolute download link.</returns>
    Task<Uri> PublishAsync(UnitReport report, CancellationToken cancellationToken);

    /// <summary>How long a link works, in hours: the chat says so.</summary>
    double LinkHours { get; }
}

/// <summary>Everything the unit's report shows, already worded (status labels, dates as dd/MM/yyyy).</summary>
/// <param name="Year">The guidance year reported (null when the content has no year's guidance).</param>
public sealed record UnitReport(
    Unit Unit, string UnitType, DateOnly Date, int? Year,
    IReadOnlyList<ReportRow> Checklist, IReadOnlyList<ReportRow> Assessment, IReadOnlyList<ReportGap> Gaps);

/// <param name="Status">The answer's label; null when nobody answered yet.</param>
/// <param name="Note">The note (checklist) or the evidence (assessment).</param>
public sealed record ReportRow(string Title, string? Status, string? Date, string? Note, string? AnsweredBy, string? Due = null);

/// <summary>A gap as <see cref="Flows.UnitStanding"/> defines it: a criterion not met, with its remedy, or a checklist
/// item past its date and not done, with that date.</summary>
/// <param name="Status">The answer's label; null when nobody answered yet.</param>
/// <param name="Due">dd/MM/yyyy, for an overdue checklist item.</param>
public sealed record ReportGap(string Title, string? Status, string? Remedy, string? Due);
