using AnToan.Knowledge.Model;

namespace AnToan.Knowledge.Answers;

/// <summary>The templates of Content/templates the answers are rendered with.</summary>
public static class AnswerTemplates
{
    public const string Answer = "answer";
    public const string AnswerCalendar = "answer-calendar";
    public const string AnswerCompare = "answer-compare";
    public const string AnswerDocument = "answer-document";
    public const string AnswerGlossary = "answer-glossary";
    public const string AnswerSource = "answer-source";
    public const string CalendarMonth = "calendar-month";
    public const string Clarify = "clarify";
    public const string Decline = "decline";
    public const string YearNote = "year-note";
}

/// <summary>The intents of intents.json the answers handle by id.</summary>
public static class AnswerIntents
{
    public const string CalendarMonth = "calendar.month";
    public const string CalendarUpcoming = "calendar.upcoming";
}

/// <summary>What the Knowledge layer's code names in the content, checked with every snapshot (see <see cref="CodeNames"/>).</summary>
public static class AnswerNames
{
    public static CodeNames Names { get; } =
        new("Knowledge", CodeNames.ConstantsOf(typeof(AnswerTemplates)), CodeNames.ConstantsOf(typeof(AnswerIntents)));

    public static ContentPart Part => Names.Part;
}
