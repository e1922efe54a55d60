using System.Globalization;
using System.Runtime.CompilerServices;
using AnToan.Knowledge.Calendar;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>Turns a match into a reply: the direct answer first, then short supporting text, the source, related
/// questions and feedback buttons. Wording lives in the templates; this class only chooses and fills them.</summary>
public sealed class AnswerComposer
{
    /// <summary>The intents answered from the calendar rather than by a command.</summary>
    public static readonly IReadOnlySet<string> CalendarIntents = new HashSet<string> { AnswerIntents.CalendarMonth, AnswerIntents.CalendarUpcoming };

    public const string ThumbsUp = "👍";
    public const string ThumbsDown = "👎";

    private const int MaxRelated = 3;
    private const int MaxUpcoming = 5;
    private const int ExampleCount = 3;

    /// <summary>The replies already composed, by match: the matcher hands out the same <see cref="MatchResult"/> for a
    /// question repeated the same day (its cache), and composing is a pure function of the match and the day.</summary>
    /// <remarks>Weak keys: an entry lives as long as its match does. <see cref="AnswerReply"/> and its model are
    /// only read (rendered) after composition, so one instance may serve many turns.</remarks>
    private readonly ConditionalWeakTable<MatchResult, Composed> _composed = new();

    private sealed record Composed(DateOnly Today, AnswerReply Reply);

    public AnswerReply Compose(MatchResult match, DateOnly today)
    {
        if (_composed.TryGetValue(match, out var known) && known.Today == today) return known.Reply;
        var reply = ComposeNew(match, today);
        reply = reply with { Text = match.Index.Content.Templates.Render(reply.Template, reply.Model) };
        _composed.AddOrUpdate(match, new Composed(today, reply));
        return reply;
    }

    private AnswerReply ComposeNew(MatchResult match, DateOnly today) => match.Parts is { } parts ? Compared(match, parts, today) : match.Outcome switch
    {
        AnswerOutcome.Answer => match.Best!.Item switch
        {
            Passage p => Guidance(match, p, BestFact(match, p), today),
            Fact f => Guidance(match, match.Index.Content.PassagesById[f.Passage], f, today),
            DocumentInfo d => Document(match, d),
            GlossaryEntry g => Glossary(g),
            CalendarEntry c => Calendar(match, c, today),
            Intent i when CalendarIntents.Contains(i.Id) => CalendarList(match, i.Id == AnswerIntents.CalendarUpcoming, today),
            var other => throw new InvalidOperationException($"{other.GetType().Name} is not answered by the composer"),
        },
        AnswerOutcome.Clarify => Clarify(match),
        _ => Decline(match.Index),
    };

    /// <summary>Two things compared: the lead of each answer, side by side in the first paragraph, then their sources.</summary>
    private AnswerReply Compared(MatchResult match, IReadOnlyList<MatchResult> parts, DateOnly today)
    {
        var templates = match.Index.Content.Templates;
        var rendered = parts.Select(p => Compose(p, today).Text).ToList();
        var model = new
        {
            Parts = rendered.Select(text => new
            {
                Lead = Paragraphs(text).First(),
                SourceLine = Paragraphs(text).LastOrDefault(t => t.StartsWith('_')) ?? "",
            }).ToList(),
        };
        return new AnswerReply(AnswerTemplates.AnswerCompare, model, Feedback);
    }

    private static string[] Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A few questions the knowledge answers, as buttons: for the introduction and for a decline.</summary>
    public static IReadOnlyList<ButtonSpec> Examples(KnowledgeIndex index)
    {
        var passages = index.Content.Passages;
        if (passages.Count == 0) return [];
        return Enumerable.Range(0, ExampleCount)
            .Select(k => passages[k * passages.Count / ExampleCount])
            .Distinct()
            .Select(p => Button(QuestionFor(index.EntryOf(EntryKind.Passage, p.Id)!, index)))
            .ToList();
    }

    /// <summary>A passage answers; among its facts, the one of the kind asked for is the direct answer.</summary>
    private static Fact? BestFact(MatchResult match, Passage passage)
    {
        var cues = match.Cues;
        if (cues.Type is null) return null;
        var words = QuestionWords(match);
        return match.Index.FactsByPassage[passage.Id]
            .Where(f => cues.Countdown ? f.Date is not null : f.Type == cues.Type)
            .MaxBy(f => match.Index.Coverage(words, match.Index.EntryOf(EntryKind.Fact, f.Id)!));
    }

    private static AnswerReply Guidance(MatchResult match, Passage passage, Fact? fact, DateOnly today)
    {
        var index = match.Index;
        var words = QuestionWords(match);
        var (lead, support) = fact is null
            ? LeadSentence.Apart(passage.Text, Snippet.From(passage.Text, words, index), words, match.Cues, Counted(match), index, QuestionForms.Default)
            : ("", LeadSentence.Quote(Snippet.From(passage.Text, words, index)));
        if (fact is not null && Covered(support, fact.Answer, index)) support = "";
        var source = fact?.Source ?? passage.Source;
        var direct = fact?.Answer ?? lead;
        var model = new
        {
            YesNo = Verdict(match, direct.Length > 0 ? direct : support),
            Direct = direct,
            Due = IsoDate.Parse(fact?.Date) is { } date && !OfPastYear(index.Content, source, today) ? Due(date, today) : null,
            YearNote = YearNote(match, index.Content, source),
            Support = support,
            Replaced = Replacements(match, source.Document),
            SourceLine = SourceLine(index.Content, source),
            Also = SecondAnswer(match, passage, today),
        };
        return new AnswerReply(AnswerTemplates.Answer, model, [.. Related(index, passage.Related ?? []), .. Feedback]);
    }

    /// <summary>The noun a count is asked of ("bước" of "mấy bước"), or null.</summary>
    private static string? Counted(MatchResult match) =>
        match.Cues.CountedAt is { } at && at < match.Search.Question.Words.Count ? match.Search.Question.Words[at] : null;

    /// <summary>"yes" or "no" for a yes/no question the answer confirms or contradicts; "" otherwise.</summary>
    private static string Verdict(MatchResult match, string answer) =>
        match.YesNo?.Verdict(match.Index.AnalyzeAsWritten(answer).Words, QuestionForms.Default) ?? "";

    /// <summary>A question that asks two things gets the best answer from another passage too, when it is as sure.</summary>
    private static object? SecondAnswer(MatchResult match, Passage first, DateOnly today)
    {
        if (!match.Cues.AsksTwoThings || MultiPart.Second(match.Query, match.Index, QuestionForms.Default) is not { } part) return null;
        var content = match.Index.Content;
        static bool Guidance(IndexEntry e) => e.Kind is EntryKind.Passage or EntryKind.Fact;
        var other = KnowledgeMatcher.Match(match.Index, part, today, Guidance);
        // A second part without a subject of its own ("… và xây dựng thế nào?") asks about the first part's.
        if (!other.Answered) other = KnowledgeMatcher.Match(match.Index, MultiPart.WithSubject(match.Query, part, match.Index), today, Guidance);
        var second = !other.Answered ? null : other.Best!.Item switch { Passage p => p, Fact f => content.PassagesById[f.Passage], _ => null };
        if (second is null || second.Id == first.Id) return null;
        return new
        {
            Support = Snippet.From(second.Text, QuestionWords(match), match.Index),
            SourceLine = SourceLine(content, second.Source),
        };
    }

    private static IEnumerable<ButtonSpec> Related(KnowledgeIndex index, IEnumerable<string> passageIds) =>
        passageIds
            .Select(id => index.EntryOf(EntryKind.Passage, id))
            .OfType<IndexEntry>()
            .Take(MaxRelated)
            .Select(e => Button(QuestionFor(e, index)));

    private static AnswerReply Document(MatchResult match, DocumentInfo doc)
    {
        var content = match.Index.Content;
        var model = new
        {
            Document = DocumentModel(doc),
            Replaced = Replacements(match, doc.Id),
            SourceLine = SourceLine(content, new SourceRef(doc.Id)),
        };
        // Related: what the guidance says that this document is the source of.
        var citing = content.Passages.Where(p => p.Source.Document == doc.Id).Select(p => p.Id);
        return new AnswerReply(AnswerTemplates.AnswerDocument, model, [.. Related(match.Index, citing), .. Feedback]);
    }

    private static AnswerReply Glossary(GlossaryEntry entry) =>
        new(AnswerTemplates.AnswerGlossary, new { entry.Abbr, entry.Full }, Feedback);

    private static AnswerReply Calendar(MatchResult match, CalendarEntry entry, DateOnly today)
    {
        var content = match.Index.Content;
        var next = entry.Recurring || !OfPastYear(content, entry.Source, today) ? CalendarService.Next(entry, today)?.DayFrom(today) : null;
        var model = new
        {
            Entry = CalendarModel(entry, next, today),
            YearNote = YearNote(match, content, entry.Source),
            SourceLine = SourceLine(content, entry.Source),
        };
        return new AnswerReply(AnswerTemplates.AnswerCalendar, model, Feedback);
    }

    /// <summary>"Tháng này có hoạt động gì?": the month asked (this month when none is named), with what comes next
    /// when the month has nothing; or what comes next. A list to read, not an answer to rate: no 👍/👎.</summary>
    private static AnswerReply CalendarList(MatchResult match, bool upcoming, DateOnly today)
    {
        var analyzer = match.Index.Analyzer;
        var calendar = match.Index.Content.Calendar;
        var month = match.Search.Question.Words.Select(analyzer.MonthOf).FirstOrDefault(m => m is not null) ?? today.Month;
        var year = month >= today.Month ? today.Year : today.Year + 1;
        var first = new DateOnly(year, month, 1);
        var next = calendar.Select(e => (Entry: e, Date: CalendarService.Next(e, today)?.DayFrom(today))).Where(x => x.Date >= today)
            .OrderBy(x => x.Date).Take(MaxUpcoming).ToList();
        var items = upcoming
            ? next
            : calendar.Select(e => (Entry: e, Date: CalendarService.OccurrencesOf(e, first, first.AddMonths(1).AddDays(-1)).FirstOrDefault()?.Start))
                .Where(x => x.Date is not null).OrderBy(x => x.Date).ToList();
        var model = new
        {
            Upcoming = upcoming,
            Month = month,
            Year = year,
            Items = items.Select(x => CalendarModel(x.Entry, x.Date, today)).ToList(),
            Next = items.Count == 0 && !upcoming ? next.Select(x => CalendarModel(x.Entry, x.Date, today)).ToList() : [],
        };
        return new AnswerReply(AnswerTemplates.CalendarMonth, model, []);
    }

    private static AnswerReply Clarify(MatchResult match) =>
        new(AnswerTemplates.Clarify, new { Choices = match.Choices.Select(e => QuestionFor(e, match.Index)).ToList() },
            match.Choices.Select(e => Button(QuestionFor(e, match.Index))).ToList());

    private static AnswerReply Decline(KnowledgeIndex index) =>
        new(AnswerTemplates.Decline, new
        {
            Examples = Examples(index).Select(b => b.Value).ToList(),
            // The guidance of each year the knowledge holds, latest first: what the bot can be asked about.
            Guidances = index.Content.GuidanceYears.Reverse().Select(y => index.Content.GuidanceOf(y)).OfType<DocumentInfo>()
                .Select(d => new { d.Kind, d.Number, d.Year }).ToList(),
        }, [.. index.Content.Ui.Menu]);

    /// <summary>A question that matches the entry when sent back (a clarify choice, a related question).</summary>
    public static string QuestionFor(IndexEntry entry, KnowledgeIndex index)
    {
        var text = entry.Item switch
        {
            Passage p => Written(p.Paraphrases) ?? p.Title,
            Fact f => Written(f.Paraphrases) ?? QuestionFor(index.EntryOf(EntryKind.Passage, f.Passage)!, index),
            DocumentInfo d => Written(d.Aliases) ?? $"{d.Kind} {d.Number}",
            GlossaryEntry g => g.Abbr,
            CalendarEntry c => c.Title,
            Intent i => i.Examples[0],
            _ => entry.Id,
        };
        return Sentence(text);
    }

    /// <summary>The first text typed with diacritics: it reads better on a button than an unaccented one.</summary>
    private static string? Written(IEnumerable<string>? texts) =>
        texts?.FirstOrDefault(t => t.Any(c => c > '\u007f') && VietnameseText.Fold(t) != t);

    private static string Sentence(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return text;
        return char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    private static ButtonSpec Button(string question) => new(question, question);

    private static readonly IReadOnlyList<ButtonSpec> Feedback = [new(ThumbsUp, ThumbsUp), new(ThumbsDown, ThumbsDown)];

    private static HashSet<string> QuestionWords(MatchResult match) =>
        match.Search.Question.Words.Concat(match.Search.Question.Extras).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when the direct answer already says most of the supporting text.</summary>
    private static bool Covered(string support, string answer, KnowledgeIndex index)
    {
        var s = index.Analyzer.Analyze(support).Words.ToHashSet(StringComparer.Ordinal);
        var a = index.Analyzer.Analyze(answer).Words.ToHashSet(StringComparer.Ordinal);
        return s.Count == 0 || s.Count(a.Contains) >= 0.8 * s.Count;
    }

    /// <summary>Documents the answer cites or the question names that were replaced: the answer says by what.</summary>
    private static List<object> Replacements(MatchResult match, string sourceDocument)
    {
        var content = match.Index.Content;
        return match.Index.DocumentsNamedIn(match.Search.Question)
            .Prepend(content.DocumentsById[sourceDocument])
            .DistinctBy(d => d.Id)
            .Where(d => d.ReplacedBy is not null && content.DocumentsById.ContainsKey(d.ReplacedBy))
            .Select(d => (object)new { Old = DocumentModel(d), New = DocumentModel(content.DocumentsById[d.ReplacedBy!]) })
            .ToList();
    }

    /// <summary>An entry of an earlier year's guidance: how many days ago its deadline passed is no answer.</summary>
    private static bool OfPastYear(KnowledgeContent content, SourceRef source, DateOnly today) =>
        content.YearOf(source) is { } year && year < today.Year;

    /// <summary>When the year wanted has no guidance and the answer comes from another year's: which, so the answer
    /// says so.</summary>
    private static string YearNote(MatchResult match, KnowledgeContent content, SourceRef source) =>
        match.Year is { Missing: true } year && content.YearOf(source) is { } answered
            ? content.Templates.Render(AnswerTemplates.YearNote, new { year.Wanted, Answered = answered, Guidance = content.GuidanceOf(answered) is { } g ? DocumentModel(g) : null })
            : "";

    private static object DocumentModel(DocumentInfo d) => new
    {
        d.Year,
        d.Number,
        d.Kind,
        d.Issuer,
        d.Subject,
        d.Status,
        d.Confirmed,
        d.Origin,
        Date = IsoDate.Parse(d.Date) is { } date ? DateText.Of(date) : "",
        Effective = IsoDate.Parse(d.Effective) is { } eff ? DateText.Of(eff) : "",
        ReplacedBy = d.ReplacedBy,
    };

    private static object CalendarModel(CalendarEntry e, DateOnly? date, DateOnly today) => new
    {
        e.Title,
        e.Category,
        e.Recurring,
        e.Month,
        e.Day,
        e.Duties,
        e.Note,
        Due = date is { } d ? Due(d, today) : null,
    };

    /// <summary>The model templates get for a date: its text, and how far it is from today.</summary>
    private static object Due(DateOnly date, DateOnly today)
    {
        var days = date.DayNumber - today.DayNumber;
        return new
        {
            Date = DateText.Of(date), Today = DateText.Of(today),
            DaysLeft = Math.Max(days, 0), DaysAgo = Math.Max(-days, 0), IsPast = days < 0, IsToday = days == 0,
        };
    }

    private static string SourceLine(KnowledgeContent content, SourceRef source) =>
        content.Templates.Render(AnswerTemplates.AnswerSource, new
        {
            Document = DocumentModel(content.DocumentsById[source.Document]),
            source.Part,
        });
}
