using AnToan.Bot.Admin;
using AnToan.Dialogs;
using AnToan.Dialogs.Engine;
using AnToan.Knowledge;
using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;

namespace AnToan.Bot.Content;

/// <summary>What a publish of a draft came to.</summary>
/// <param name="Errors">Per field, when the draft does not validate.</param>
public sealed record PublishOutcome(ContentChange Change, int Version = 0, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>The reply the bot would give from a draft.</summary>
public sealed record PreviewReply(string Outcome, string? AnswerId, string Text, IReadOnlyList<string> Buttons);

/// <summary>From an imported document to a content version: drafts are made, edited, tried and published here.</summary>
/// <remarks>A draft is published only onto the version it was reviewed against (<see cref="ContentDraft.BasedOn"/>):
/// of two drafts made at the same time, the first published wins and the other conflicts until it is saved again on
/// top of the new version, so nobody publishes content they have not seen.</remarks>
public sealed class ContentReview(IDraftStore drafts, ContentVersions versions, KnowledgeStore knowledge, LocalClock clock)
{
    /// <remarks>A day the calendar already keeps every year ("Ngày hội toàn dân bảo vệ ANTQ (19/8)") is not proposed
    /// again: observances recur whatever the year's guidance says; only its one-off dates belong to it.</remarks>
    public ContentDraft Create(ImportedGuidance guidance, string fileName, string who)
    {
        var (service, version) = knowledge.InService;
        var kept = service.Calendar.Where(e => e.Recurring).Select(e => (e.Month, e.Day)).ToHashSet();
        var draft = ContentDraft.From(guidance, Guid.NewGuid().ToString("N"), fileName, clock.UtcNow, who, version) with
        {
            Calendar = guidance.Calendar.Where(e => !e.Recurring || !kept.Contains((e.Month, e.Day))).ToList(),
        };
        drafts.Save(draft);
        return draft;
    }

    /// <summary>Saves the officer's edit, or says per field what is wrong (nothing saved then).</summary>
    public (ContentDraft? Draft, IReadOnlyDictionary<string, string[]>? Errors) Edit(ContentDraft draft, DraftEdit edit)
    {
        var edited = draft.Edited(edit, clock.UtcNow, knowledge.Version);
        var errors = Errors(edited);
        if (errors.Count > 0) return (null, errors);
        drafts.Save(edited);
        return (edited, null);
    }

    /// <summary>The reply a question would get from the content as it would be with the draft published.</summary>
    /// <exception cref="ContentException">The draft does not make valid content.</exception>
    public PreviewReply Preview(ContentDraft draft, string question)
    {
        var content = knowledge.Load(DraftMerge.Apply(knowledge.Current.Files, draft));
        using var index = KnowledgeIndex.Build(content);
        var today = clock.Today;
        var match = KnowledgeMatcher.Match(index, question, today, QuestionAnswerer.IsKnowledge);
        var reply = new AnswerComposer().Compose(match, today);
        return new PreviewReply(match.Outcome.ToString().ToLowerInvariant(), match.Answered ? match.Best!.Key : null,
            reply.Text, reply.Buttons.Select(b => b.Title).ToList());
    }

    public PublishOutcome Publish(ContentDraft draft, string who, string? note)
    {
        if (draft.PublishedVersion is not null) return new PublishOutcome(ContentChange.Conflict);
        if (Errors(draft) is { Count: > 0 } errors) return new PublishOutcome(ContentChange.Invalid, Errors: errors);
        var (service, basedOn) = knowledge.InService;
        if (draft.BasedOn != basedOn) return new PublishOutcome(ContentChange.Conflict);
        var withNotice = draft with { Calendar = [.. draft.Calendar, .. ChecklistNotice(draft, service)] };
        var (change, version) = versions.Publish(DraftMerge.Apply(service.Files, withNotice), basedOn, who, note);
        if (change != ContentChange.Done) return new PublishOutcome(change);
        drafts.MarkPublished(draft.DraftId, version);
        return new PublishOutcome(ContentChange.Done, version);
    }

    /// <summary>Field errors, and the content validator's verdict on the merged content under "content".</summary>
    private Dictionary<string, string[]> Errors(ContentDraft draft)
    {
        var service = knowledge.Current;
        var errors = DraftValidator.Check(draft, service);
        if (errors.Count > 0) return errors;
        try { knowledge.Load(DraftMerge.Apply(service.Files, draft)); }
        catch (ContentException e) { errors["content"] = [e.Message]; }
        return errors;
    }

    /// <summary>A guidance with a checklist announces, on the day it is published, that the year's checklist is ready:
    /// a one-off deadline entry, delivered by the scheduler once to every conversation subscribed to deadlines.</summary>
    private IEnumerable<CalendarEntry> ChecklistNotice(ContentDraft draft, KnowledgeContent service)
    {
        if (draft.Checklist.Count == 0) yield break;
        var wording = service.Part<AdminWording>().Publish;
        yield return new CalendarEntry($"{draft.Document.Id}-checklist-ready", wording.ChecklistReadyTitle, Knowledge.Calendar.CalendarCategories.Deadline,
            new SourceRef(draft.Document.Id), wording.ChecklistReadyTemplate, Date: clock.Today.ToString("yyyy-MM-dd"), LeadDays: [0]);
    }
}
