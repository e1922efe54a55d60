using AnToan.Dialogs.Engine;
using AnToan.Knowledge.Model;

namespace AnToan.Dialogs;

/// <summary>The templates of Content/templates the dialogs and the router render.</summary>
/// <remarks>A list prompt also renders its template's "-help" and "-place" companions by convention (UnitListDialog);
/// they are declared here so that they are checked.</remarks>
public static class DialogTemplates
{
    public const string DialogAssessmentCriterionHelp = "dialog-assessment-criterion-help";
    public const string DialogAssessmentCriterionPlace = "dialog-assessment-criterion-place";
    public const string DialogAssessmentCriterion = "dialog-assessment-criterion";
    public const string DialogAssessmentGuide = "dialog-assessment-guide";
    public const string DialogAssessmentResult = "dialog-assessment-result";
    public const string DialogAssessmentReview = "dialog-assessment-review";
    public const string DialogCancelled = "dialog-cancelled";
    public const string DialogChecklistGuide = "dialog-checklist-guide";
    public const string DialogChecklistItemHelp = "dialog-checklist-item-help";
    public const string DialogChecklistItemPlace = "dialog-checklist-item-place";
    public const string DialogChecklistItem = "dialog-checklist-item";
    public const string DialogChecklistReview = "dialog-checklist-review";
    public const string DialogChecklistSummary = "dialog-checklist-summary";
    public const string DialogGaveUp = "dialog-gave-up";
    public const string DialogHelp = "dialog-help";
    public const string DialogJoinLocked = "dialog-join-locked";
    public const string DialogListEmpty = "dialog-list-empty";
    public const string DialogNoBack = "dialog-no-back";
    public const string DialogNothingToResume = "dialog-nothing-to-resume";
    public const string DialogOfferBackButton = "dialog-offer-back-button";
    public const string DialogOfferBack = "dialog-offer-back";
    public const string DialogOutdated = "dialog-outdated";
    public const string DialogPaused = "dialog-paused";
    public const string DialogProgress = "dialog-progress";
    public const string DialogReport = "dialog-report";
    public const string DialogResumed = "dialog-resumed";
    public const string DialogRetry = "dialog-retry";
    public const string DialogUnitAlready = "dialog-unit-already";
    public const string DialogUnitCreated = "dialog-unit-created";
    public const string DialogUnitHeadcount = "dialog-unit-headcount";
    public const string DialogUnitJoinCodePlace = "dialog-unit-join-code-place";
    public const string DialogUnitJoinCode = "dialog-unit-join-code";
    public const string DialogUnitJoinUnknown = "dialog-unit-join-unknown";
    public const string DialogUnitJoined = "dialog-unit-joined";
    public const string DialogUnitNameHelp = "dialog-unit-name-help";
    public const string DialogUnitName = "dialog-unit-name";
    public const string DialogUnitNone = "dialog-unit-none";
    public const string DialogUnitOffer = "dialog-unit-offer";
    public const string DialogUnitType = "dialog-unit-type";
    public const string FeedbackSorry = "feedback-sorry";
    public const string FeedbackThanks = "feedback-thanks";
    public const string Help = "help";
    public const string QaIntro = "qa-intro";
    public const string Unsupported = "unsupported";
    public const string Welcome = "welcome";
}

/// <summary>The intents of intents.json the router, the dialog engine and the command handlers act on by id.</summary>
public static class DialogIntents
{
    public const string Help = "help";
    public const string QaIntro = "qa.intro";
    public const string Resume = "resume";
    public const string Cancel = "cancel";
    public const string Back = "back";
    public const string Pause = "pause";
    public const string ChecklistStart = "checklist.start";
    public const string AssessmentStart = "assessment.start";
    public const string UnitCreate = "unit.create";
    public const string Progress = "progress";
    public const string Report = "report";
    public const string UnitJoin = "unit.join";
}

/// <summary>The keys of the buttons of dialogs.json the dialogs show.</summary>
public static class DialogButtons
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string Today = "today";
    public const string Cancel = "cancel";
    public const string Skip = "skip";
    public const string Resume = "resume";
    public const string Report = "report";
    public const string Progress = "progress";
    public const string Checklist = Units.UnitLists.Checklist;
    public const string Assessment = Units.UnitLists.Assessment;
}

/// <summary>The stored values of dialogs.json's checklistStatus the code counts by.</summary>
/// <remarks>The checklist's summary counts each of them by name, so a status the code does not name would be offered
/// and stored but counted nowhere: it is reported as unused unless dialogs.json declares it optional.</remarks>
public static class ChecklistStatuses
{
    public const string Done = "done";
    public const string Doing = "doing";
    public const string Todo = "todo";
}

/// <summary>The stored values of dialogs.json's assessmentRating the code counts by.</summary>
/// <remarks>Only "met" is named: every other rating (partial, unmet) counts alike as a gap, so every rating is used.</remarks>
public static class AssessmentRatings
{
    public const string Met = "met";
}

/// <summary>Small talk: an intent of this kind is answered with the template named after it ("smalltalk-joke"), when
/// the content has one (<see cref="KnowledgeRouter"/>).</summary>
public static class SmallTalk
{
    public const string Kind = "smalltalk";

    public static string Template(string intentId) => $"smalltalk-{intentId}";
}

/// <summary>What the Dialogs layer's code names in the content, checked with every snapshot (see <see cref="CodeNames"/>).</summary>
public static class DialogNames
{
    public static CodeNames Names { get; } = new("Dialogs",
        CodeNames.ConstantsOf(typeof(DialogTemplates)), CodeNames.ConstantsOf(typeof(DialogIntents)), Words,
        content => content.Intents.Where(i => i.Kind == SmallTalk.Kind).Select(i => (i.Id, SmallTalk.Template(i.Id))));

    /// <summary>The buttons and choice values of dialogs.json, named as "buttons.today", "checklistStatus.done": a button is
    /// used when the code shows it, a checklist status when the code counts by it, and every rating is used.</summary>
    private static FileNames Words(KnowledgeContent content)
    {
        var words = ContentJson.Read<DialogWords>(content.Files, "dialogs.json");
        var defined = words.Buttons.Keys.Select(k => $"buttons.{k}")
            .Concat(words.ChecklistStatus.Select(o => $"checklistStatus.{o.Value}"))
            .Concat(words.AssessmentRating.Select(o => $"assessmentRating.{o.Value}"))
            .ToHashSet(StringComparer.Ordinal);
        var used = CodeNames.ConstantsOf(typeof(DialogButtons)).Select(k => $"buttons.{k}")
            .Concat(CodeNames.ConstantsOf(typeof(ChecklistStatuses)).Select(v => $"checklistStatus.{v}"))
            .Concat(CodeNames.ConstantsOf(typeof(AssessmentRatings)).Select(v => $"assessmentRating.{v}"))
            .Concat(words.AssessmentRating.Select(o => $"assessmentRating.{o.Value}"))
            .ToList();
        return new FileNames("dialogs.json", defined, used, words.Optional);
    }

    public static ContentPart Part => Names.Part;
}
