using AnToan.Knowledge.Model;

namespace AnToan.Bot.Content;

/// <summary>What the officer states about the document; each field given wins over what is read from the text.</summary>
public sealed record ImportOverrides(int? Year = null, string? Number = null, string? Issuer = null, DateOnly? Issued = null, string? Title = null);

/// <summary>A paragraph of the source as read, with the part that names it in sources ("đoạn 3", "II. 1.", "Điều 3").</summary>
/// <param name="Role">header | title | heading | body | closing</param>
public sealed record SourceParagraph(string Part, string Text, string Role = SourceParagraph.Body)
{
    public const string Header = "header";
    public const string Title = "title";
    public const string Heading = "heading";
    public const string Body = "body";
    public const string Closing = "closing";
}

/// <summary>A date of the text: ISO <paramref name="Date"/> (yyyy-MM-dd), as <paramref name="Written"/>, in its sentence.</summary>
/// <param name="YearWritten">False for a day and month whose year is the guidance's ("(19/8)").</param>
public sealed record FoundDate(string Date, string Written, string Sentence, string Part, bool YearWritten = true);

/// <summary>A draft of the knowledge of one guidance document, as imported: the officer reviews it before publishing.</summary>
public sealed class ImportedGuidance
{
    public required DocumentInfo Document { get; init; }
    public required int Year { get; init; }
    public required IReadOnlyList<SourceParagraph> Paragraphs { get; init; }
    public required IReadOnlyList<FoundDate> Dates { get; init; }
    public required IReadOnlyList<Passage> Passages { get; init; }
    public required IReadOnlyList<Fact> Facts { get; init; }
    public required IReadOnlyList<ChecklistItem> Checklist { get; init; }
    public required IReadOnlyList<CalendarEntry> Calendar { get; init; }

    /// <summary>The fields of the document that could not be read from the text and were not given (number, issued,
    /// issuer, title): the officer should fill them in.</summary>
    public required IReadOnlyList<string> Missing { get; init; }
}

/// <summary>Why a file could not be imported; the message is a reason a person can act on (from import.json).</summary>
public sealed class ImportException(ImportProblem problem, string reason, Exception? inner = null) : Exception(reason, inner)
{
    public ImportProblem Problem { get; } = problem;
}

/// <summary>UnsupportedType → 415; Broken, Empty and NoYear → 400.</summary>
public enum ImportProblem { UnsupportedType, Broken, Empty, NoYear }
