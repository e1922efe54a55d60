using System.Globalization;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;

namespace AnToan.Knowledge.Answers;

/// <summary>Which year's guidance a question is answered from.</summary>
/// <remarks>Entries of a year's guidance (their document has a year) answer only for that year; everything else (laws,
/// observances, elections) for any. A year named in the question ("năm 2027", "năm nay", "2021") chooses the guidance;
/// without one, this year's. A year without a guidance is answered from the latest before it (or the earliest), and
/// the answer says so: a year is a filter, never a reason to find nothing.</remarks>
/// <param name="Asked">The year the question names, or null.</param>
/// <param name="Wanted">The year asked, else this year.</param>
/// <param name="Working">The guidance year that answers; null when none does (no document has a year, or the year
/// asked is before every guidance or still to come).</param>
public sealed record GuidanceYear(int? Asked, int Wanted, int? Working)
{
    /// <summary>The year wanted has no guidance of its own.</summary>
    public bool Missing => Working is not null && Working != Wanted;

    /// <param name="asked">What the question asks (its years).</param>
    /// <param name="named">Documents the question names: the years in their numbers are not years asked about, and a
    /// year's guidance named ("hướng dẫn 413") asks for its year.</param>
    public static GuidanceYear Of(AskedDetails asked, IReadOnlyCollection<DocumentInfo> named, KnowledgeContent content, DateOnly today)
    {
        var year = asked.Years
            .Where(span => span.Length == 1 && !named.Any(d => DetailCheck.NamedYears(d).Contains(span[0])))
            .Select(span => int.Parse(span[0], CultureInfo.InvariantCulture))
            .Cast<int?>()
            .FirstOrDefault() ?? named.Select(d => d.Year).FirstOrDefault(y => y is not null);
        var wanted = year ?? today.Year;
        // A year asked is answered from the latest guidance before it only up to this year: a year before every
        // guidance, or one still to come without its own, gets nothing of another year's.
        var working = year is null || content.GuidanceYears.Contains(wanted) || wanted <= today.Year && content.GuidanceYears.Any(y => y < wanted)
            ? content.WorkingYear(wanted)
            : null;
        return new GuidanceYear(year, wanted, working);
    }

    /// <summary>The year of a year's guidance an entry belongs to; null when it holds for every year.</summary>
    public static int? Of(IndexEntry entry, KnowledgeContent content) => entry.Item switch
    {
        Passage p => content.YearOf(p.Source),
        Fact f => content.YearOf(f.Source),
        CalendarEntry { Recurring: false } c => content.YearOf(c.Source),
        DocumentInfo d => d.Year,
        _ => null,
    };

    /// <summary>Whether the entry may answer: it holds for every year or belongs to the working year.</summary>
    public bool Admits(IndexEntry entry, KnowledgeContent content) => Of(entry, content) is not { } y || y == Working;
}
