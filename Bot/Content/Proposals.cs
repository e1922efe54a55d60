using System.Globalization;
using System.Text.RegularExpressions;
using AnToan.Knowledge.Model;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace AnToan.Bot.Content;

public sealed partial class GuidanceImporter
{
    /// <summary>The draft being built, paragraph by paragraph: dates, passages and what they propose.</summary>
    private sealed partial class Proposals(GuidanceImporter importer, DocumentInfo document, int year)
    {
        // Built once: the library's percentage model ("trên 92%"); safe to share between threads.
        private static readonly Lazy<IModel> Percentages = new(() => new NumberRecognizer(Culture.EnglishOthers).GetPercentageModel());

        private readonly string _slug = document.Id.ToLowerInvariant();
        private readonly SourceRef _source = new(document.Id);
        private readonly ImportWording _w = importer._w;

        public List<SourceParagraph> Paragraphs { get; } = [];
        public List<FoundDate> Dates { get; } = [];
        public List<Passage> Passages { get; } = [];
        public List<Fact> Facts { get; } = [];
        public List<ChecklistItem> Checklist { get; } = [];
        public List<CalendarEntry> Calendar { get; } = [];

        public void Add(Paragraph paragraph)
        {
            var text = paragraph.Text;
            Paragraphs.Add(new SourceParagraph(paragraph.Part, text, paragraph.Role));
            var dates = importer._dates.Find(text, year);
            var sentences = TextSpans.Sentences(text);
            foreach (var date in dates)
            {
                var sentence = sentences.FirstOrDefault(s => s.Contains(date.Span.Start), new Span(0, text.Length));
                Dates.Add(new FoundDate(Iso(date.Date), date.Written, sentence.Of(text), paragraph.Part, date.YearWritten));
            }
            if (paragraph.Role != SourceParagraph.Body) return;

            var source = _source with { Part = paragraph.Part };
            var passageId = $"{_slug}-p{paragraph.Number}";
            var facts = Facts.Count;
            var tasks = Checklist.Count;
            foreach (var sentence in sentences)
            {
                var inSentence = dates.Where(d => sentence.Contains(d.Span.Start)).ToList();
                Target(text, sentence, passageId, source);
                foreach (var clause in TextSpans.Clauses(text, sentence))
                {
                    var inClause = inSentence.Where(d => clause.Contains(d.Span.Start)).ToList();
                    Duty(text, clause, inClause, passageId, source);
                    Recipient(text, sentence, clause, passageId, source);
                }
                NamedDays(text, sentence, inSentence, source);
            }
            var own = Facts.Skip(facts).ToList();
            // A title people would look for: what the paragraph's first fact is about, its heading, its first duty, its opening.
            var title = own.Count > 0 ? TitleOfFact(own[0])
                : paragraph.Heading ?? (Checklist.Count > tasks ? Checklist[tasks].Title : Opening(text));
            var keywords = Keywords(text, dates);
            var paraphrases = _w.Paraphrases.Passage.Select((t, i) => importer.Render($"paraphrases.passage[{i}]", t, new()
                {
                    ["title"] = title, ["year"] = year,
                    ["title_has_year"] = title.Contains(year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                }))
                .Concat(keywords.Where(k => GuidanceImporter.NumberPattern().IsMatch(k)).SelectMany(k => KeywordQuestions(DocumentName(k))))
                .Concat(own.SelectMany(f => (f.Paraphrases ?? []).Take(2)));
            Passages.Add(new Passage(passageId, title, text, source, Distinct(paraphrases).Take(12).ToList(), keywords));
        }

        // ---- Duties, deadlines ----

        private void Duty(string text, Span clause, IReadOnlyList<DateMatch> dates, string passageId, SourceRef source)
        {
            var deadline = Deadline(text, clause, dates);
            var duty = DutyStart(text, clause);
            if (duty is null && deadline is null) return;

            string? action = null;
            if (deadline is { } d)
            {
                // The duty the deadline is of: the last duty verb before it ("… và hoàn thành hồ sơ … trước ngày …").
                var verb = importer._duty.FindAll(text, clause.Start, d.Cue.Start).LastOrDefault();
                var from = verb == default ? clause.Start : verb.Start;
                action = verb == default ? Words(text, clause.Start, d.Cue.Start, 8) : Action(text, verb);
                var @object = verb == default ? action : Object(text, verb.End, commas: false);
                var answer = TextSpans.AsSentence(text[from..d.Date.Span.End]);
                var iso = Iso(d.Date.Date);
                var model = new Dictionary<string, object?>
                {
                    ["action"] = action, ["object"] = @object.Length > 0 ? @object : action, ["year"] = year,
                    ["date_text"] = d.Date.Written,
                };
                if (!Facts.Any(f => f.Date == iso && f.Answer == answer))
                {
                    Facts.Add(new Fact($"{_slug}-deadline-{Facts.Count + 1}", passageId, "date", answer, source,
                        Questions("deadline", _w.Paraphrases.Deadline, model), iso));
                    var deadlineEntry = _w.Calendar.Deadline;
                    Calendar.Add(new CalendarEntry(
                        $"{_slug}-deadline-{Calendar.Count + 1}", TextSpans.Capitalized(importer.Render("calendar.deadline.title", deadlineEntry.Title, model)),
                        "deadline", source, deadlineEntry.Template, Date: iso, LeadDays: deadlineEntry.LeadDays, Duties: answer));
                }
            }
            if (action is null && duty is { } start)
                action = Action(text, start);
            Checklist.Add(new ChecklistItem(
                $"{_slug}-task-{Checklist.Count + 1}", TextSpans.Capitalized(action!), TextSpans.AsSentence(clause.Of(text)), source,
                deadline is { } due ? Iso(due.Date.Date) : null, deadline is { } at ? text[at.Cue.Start..at.Date.Span.End] : null));
        }

        /// <summary>A deadline cue right before a date of the clause ("trước ngày 18/12/2026").</summary>
        private (Span Cue, DateMatch Date)? Deadline(string text, Span clause, IReadOnlyList<DateMatch> dates)
        {
            foreach (var cue in importer._deadline.FindAll(text, clause.Start, clause.End))
                foreach (var date in dates)
                    // Our model reads "ngày 18 tháng 12 …" with its day word, so the date may start inside the cue.
                    if (date.Span.Start >= cue.Start && date.Span.Start <= Skip(text, cue.End))
                        return (cue, date);
            return null;
        }

        /// <summary>Where the clause gives a duty: a duty verb starting it, starting a part after a comma, or after an
        /// actor ("…, nhà trường ban hành"), leading words such as "thường xuyên" allowed before it.</summary>
        private Span? DutyStart(string text, Span clause)
        {
            var starts = new SortedSet<int> { clause.Start };
            for (var i = text.IndexOf(',', clause.Start); i >= 0 && i < clause.End; i = text.IndexOf(',', i + 1))
                starts.Add(Skip(text, i + 1));
            foreach (var actor in importer._actors.FindAll(text, clause.Start, clause.End))
                starts.Add(Skip(text, actor.End));
            foreach (var start in starts)
            {
                var at = start;
                while (importer._leadIns.StartsAt(text, at, clause.End, out var end)) at = Skip(text, end);
                if (importer._duty.StartsAt(text, at, clause.End, out var verbEnd)) return new Span(at, verbEnd);
            }
            return null;
        }

        // ---- Targets ----

        private void Target(string text, Span sentence, string passageId, SourceRef source)
        {
            var cue = importer._target.FindAll(text, sentence.Start, sentence.End).FirstOrDefault();
            if (cue == default) return;
            var s = sentence.Of(text);
            var percent = Percentages.Value.Parse(s).FirstOrDefault(r => sentence.Start + r.Start >= cue.Start);
            if (percent is null) return;
            var percentText = TextSpans.Spaces().Replace(percent.Text, "");
            var model = new Dictionary<string, object?>
            {
                ["percent"] = percentText, ["year"] = year, ["subject"] = Object(text, sentence.Start + percent.End + 1, commas: true),
            };
            Facts.Add(new Fact($"{_slug}-target-{Facts.Count + 1}", passageId, "number", TextSpans.AsSentence(text[cue.Start..sentence.End]),
                source, Questions("target", _w.Paraphrases.Target, model)));
            _titles[Facts[^1].Id] = importer.Render("titles.target", _w.Titles.Target, model);
        }

        // ---- Recipients ----

        private void Recipient(string text, Span sentence, Span clause, string passageId, SourceRef source)
        {
            foreach (var cue in importer._recipient.FindAll(text, clause.Start, clause.End))
            {
                var actorEnd = cue.End;
                foreach (var word in TextSpans.Words(text, cue.End, clause.End).Take(12))
                {
                    if (importer._recipientEnds.StartsAt(text, word.Start, out _) || text[actorEnd..word.Start].Any(c => c is ',' or ';' or '.')) break;
                    actorEnd = word.End;
                }
                var actor = text[cue.End..actorEnd].Trim();
                if (actor.Length == 0) continue;
                var verb = importer._duty.FindAll(text, sentence.Start, cue.Start).LastOrDefault(v => v.Start < cue.Start);
                var @object = verb == default ? "" : Object(text, verb.End, commas: false);
                var purposeAt = importer._purpose.FindAll(text, actorEnd, clause.End).FirstOrDefault();
                var purpose = purposeAt == default ? "" : Object(text, purposeAt.End, commas: true);
                var tail = text[cue.Start..clause.End];
                var answer = TextSpans.AsSentence(@object.Length > 0 ? $"{@object} {tail}" : tail);
                if (Facts.Any(f => f.Answer == answer)) continue;
                var model = new Dictionary<string, object?> { ["actor"] = actor, ["object"] = @object, ["purpose"] = purpose, ["year"] = year };
                var questions = Questions("actor", _w.Paraphrases.Actor, model);
                Facts.Add(new Fact($"{_slug}-recipient-{Facts.Count + 1}", passageId, "actor", answer, source, questions));
                _titles[Facts[^1].Id] = importer.Render("titles.actor", _w.Titles.Actor, model);
            }
        }

        // ---- Named days and months ----

        private void NamedDays(string text, Span sentence, IReadOnlyList<DateMatch> dates, SourceRef source)
        {
            foreach (var date in dates.Where(d => !d.YearWritten))
            {
                var open = date.Span.Start - 1;
                while (open >= sentence.Start && text[open] == ' ') open--;
                if (open < sentence.Start || text[open] != '(') continue;
                var before = text[sentence.Start..open].TrimEnd();
                string? name = null;
                if (before.Length > 0 && before[^1] is '”' or '"')
                {
                    var quote = before.LastIndexOfAny(['“', '"'], Math.Max(before.Length - 2, 0));
                    if (quote >= 0) name = before[(quote + 1)..^1].Trim();
                }
                else
                {
                    var words = new Cues(_w.NamedDays.Select(n => n.Word)).FindAll(before).Where(w => char.IsUpper(before[w.Start])).ToList();
                    if (words.Count > 0) name = before[words[^1].Start..].Trim();
                }
                var named = name is null ? null : _w.NamedDays.FirstOrDefault(n => new Cues([n.Word]).StartsAt(name, 0, out _));
                if (named is null) continue;
                var id = $"{_slug}-day-{date.Date.Month}-{date.Date.Day}";
                if (Calendar.Any(e => e.Id == id)) continue;
                var recurring = _w.Calendar.Recurring;
                Calendar.Add(new CalendarEntry(id, name!, named.Category, source, recurring.Template, Recurring: true,
                    Month: date.Date.Month, Day: date.Date.Day, LeadDays: recurring.LeadDays, Duties: TextSpans.AsSentence(sentence.Of(text))));
            }
        }

        // ---- Words ----

        private readonly Dictionary<string, string> _titles = [];

        private string TitleOfFact(Fact fact) =>
            _titles.TryGetValue(fact.Id, out var title) ? title
            : Calendar.FirstOrDefault(e => e.Date == fact.Date && e.Duties == fact.Answer)?.Title ?? Opening(fact.Answer);

        /// <summary>The verb and its object, as a heading: "hoàn thành hồ sơ đề nghị công nhận".</summary>
        private string Action(string text, Span verb)
        {
            var @object = Object(text, verb.End, commas: false);
            return @object.Length > 0 ? $"{verb.Of(text)} {@object}" : Words(text, verb.Start, text.Length, 10);
        }

        /// <summary>The words after a verb up to an end word, a punctuation mark or the configured length.</summary>
        private string Object(string text, int from, bool commas)
        {
            var end = from;
            var count = 0;
            foreach (var word in TextSpans.Words(text, from, text.Length))
            {
                var gap = text[end..word.Start];
                if (gap.Any(c => !char.IsWhiteSpace(c) && !(commas && c == ',') && !(count == 0 && c == ':'))) break;
                // A document's number ends the object with it: "thực hiện Chỉ thị số 09/CT-UBND".
                var number = GuidanceImporter.NumberPattern().Match(text, word.Start);
                if (number.Success && number.Index == word.Start) { end = number.Index + number.Length; break; }
                if (importer._objectEnds.StartsAt(text, word.Start, out _) || word.Of(text).All(char.IsAsciiDigit)) break;
                if (++count > _w.Duties.ObjectWords * (commas ? 2 : 1)) break;
                end = word.End;
            }
            return text[from..end].Trim(' ', ',', ':');
        }

        /// <summary>The first <paramref name="count"/> words of a range, for titles.</summary>
        private static string Words(string text, int from, int to, int count)
        {
            var words = TextSpans.Words(text, from, to).Take(count).ToList();
            return words.Count == 0 ? "" : text[words[0].Start..words[^1].End];
        }

        /// <summary>The first words of a text up to its first comma (at most 12), as a title.</summary>
        private static string Opening(string text)
        {
            var comma = text.IndexOfAny([',', ';', ':']);
            return TextSpans.Capitalized(Words(text, 0, comma > 20 ? comma : text.Length, 12));
        }

        /// <summary>Document numbers, percentages and dates written with their year: what people type to find a passage.</summary>
        private static List<string> Keywords(string text, IReadOnlyList<DateMatch> dates) =>
            GuidanceImporter.NumberPattern().Matches(text).Select(m => m.Value)
                .Concat(PercentPattern().Matches(text).Select(m => TextSpans.Spaces().Replace(m.Value, "")))
                .Concat(dates.Where(d => d.YearWritten).Select(d => d.Written))
                .Distinct(StringComparer.Ordinal).ToList();

        /// <summary>"411/KH-BCĐ-CAT" → "Kế hoạch 411" when its kind is known.</summary>
        private string DocumentName(string number)
        {
            var kind = importer.KindOf(number);
            return kind is null ? number : $"{kind.Name} {number.Split('/')[0]}";
        }

        private IEnumerable<string> KeywordQuestions(string keyword) =>
            _w.Paraphrases.Keyword.Select((t, i) => importer.Render($"paraphrases.keyword[{i}]", t, new() { ["keyword"] = keyword }));

        private List<string> Questions(string key, IReadOnlyList<string> templates, Dictionary<string, object?> model) =>
            Distinct(templates.Select((t, i) => importer.Render($"paraphrases.{key}[{i}]", t, model))).ToList();

        private static IEnumerable<string> Distinct(IEnumerable<string> texts) =>
            texts.Where(t => t.Any(char.IsLetter)).Distinct(StringComparer.OrdinalIgnoreCase);

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        [GeneratedRegex(@"\d+(?:[.,]\d+)?\s?%")]
        private static partial Regex PercentPattern();
    }
}
