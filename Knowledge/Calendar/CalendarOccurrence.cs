using AnToan.Knowledge.Model;

namespace AnToan.Knowledge.Calendar;

/// <summary>One dated instance of a calendar entry: a day, or a whole month for a campaign month.</summary>
/// <param name="Start">The day, or the first day of the month.</param>
/// <param name="End">The same day, or the last day of the month.</param>
public sealed record CalendarOccurrence(CalendarEntry Entry, DateOnly Start, DateOnly End)
{
    public bool WholeMonth => Start != End;

    /// <summary>The day counted to from <paramref name="today"/>: today while a campaign month is under way, else the start.</summary>
    public DateOnly DayFrom(DateOnly today) => Start < today && today <= End ? today : Start;
}

/// <summary>One announcement of an occurrence: <paramref name="LeadDays"/> days before its start.</summary>
public sealed record Announcement(CalendarOccurrence Occurrence, int LeadDays)
{
    /// <summary>The local day on which it is announced.</summary>
    public DateOnly On => Occurrence.Start.AddDays(-LeadDays);

    /// <summary>Stable across restarts and content reloads: entry id, occurrence date and lead.</summary>
    /// <remarks>Deliveries are recorded under this key, so it must never depend on list order or wording.</remarks>
    public string Key => $"{Occurrence.Entry.Id}@{Occurrence.Start:yyyy-MM-dd}-{LeadDays}";
}
