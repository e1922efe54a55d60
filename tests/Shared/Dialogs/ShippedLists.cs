using AnToan.Dialogs.Units;

namespace AnToan.Tests;

/// <summary>The lists the dialogs keep a unit's answers in for the shipped content's guidance year (2021, the year of
/// Hướng dẫn 413): the test clocks stand in that year.</summary>
public static class ShippedLists
{
    public const int Year = 2021;
    public static readonly string Checklist = UnitLists.Of(UnitLists.Checklist, Year);
    public static readonly string Assessment = UnitLists.Of(UnitLists.Assessment, Year);
}
