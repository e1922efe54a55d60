using AnToan.Knowledge.Calendar;

namespace AnToan.Knowledge.Tests.Calendar;

/// <summary>Occurrence arithmetic on a calendar written for the test (see <see cref="TestContent"/>).</summary>
public sealed class CalendarServiceTests : IDisposable
{
    private readonly TestContent _content = TestContent.WithCalendar("""
        [
          { "id": "yearly-day", "title": "A yearly day", "category": "observance", "source": { "document": "HD-413" },
            "recurring": true, "month": 1, "day": 5, "leadDays": [14, 0],
            "template": "{{ title }} on {{ date_text }} in {{ days_left }} days. {{ duties }}|{{ note }}|{{ source_text }}" },
          { "id": "leap-day", "title": "Leap day", "category": "deadline", "source": { "document": "HD-413", "part": "part 2" },
            "recurring": true, "month": 2, "day": 29, "template": "{{ source_text }}" },
          { "id": "campaign-month", "title": "A campaign month", "category": "campaign", "source": { "document": "HD-413" },
            "recurring": true, "month": 6, "day": null, "leadDays": [7, 0], "template": "{{ date_text }}" },
          { "id": "one-off", "title": "A one-off", "category": "election", "source": { "document": "HD-413" },
            "date": "2021-05-23", "leadDays": [1, 0], "duties": "Guard the polls.", "note": "A note.",
            "template": "{{ duties }}|{{ note }}|{{ days_left }}" }
        ]
        """);

    private CalendarService Sut => new(_content.Store);

    public void Dispose() => _content.Dispose();

    private CalendarOccurrence? Next(string id, DateOnly today) =>
        CalendarService.Next(_content.Store.Current.Calendar.Single(e => e.Id == id), today);

    [Fact]
    public void Next_RecurringDay_IsThisYearsUntilItPasses_ThenNextYears()
    {
        Assert.Equal(new DateOnly(2021, 1, 5), Next("yearly-day", new DateOnly(2020, 12, 31))!.Start);
        Assert.Equal(new DateOnly(2021, 1, 5), Next("yearly-day", new DateOnly(2021, 1, 5))!.Start);
        Assert.Equal(new DateOnly(2022, 1, 5), Next("yearly-day", new DateOnly(2021, 1, 6))!.Start);
    }

    [Fact]
    public void Next_CampaignMonthUnderWay_CountsFromToday()
    {
        var today = new DateOnly(2021, 6, 20);
        var campaign = Next("campaign-month", today)!;

        Assert.Equal(new DateOnly(2021, 6, 1), campaign.Start);
        Assert.Equal(today, campaign.DayFrom(today));
        Assert.Equal(new DateOnly(2022, 6, 1), Next("campaign-month", new DateOnly(2021, 7, 1))!.DayFrom(new DateOnly(2021, 7, 1)));
    }

    [Fact]
    public void Next_OneOff_KeepsItsDateWhenPast()
    {
        Assert.Equal(new DateOnly(2021, 5, 23), Next("one-off", new DateOnly(2024, 1, 1))!.Start);
    }

    [Fact]
    public void Occurrences_RecurringEntry_RepeatEveryYear()
    {
        var days = Sut.Occurrences(new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31))
            .Where(o => o.Entry.Id == "yearly-day").Select(o => o.Start);

        Assert.Equal([new DateOnly(2020, 1, 5), new DateOnly(2021, 1, 5), new DateOnly(2022, 1, 5)], days);
    }

    [Fact]
    public void Occurrences_OneOff_OnlyInItsYear()
    {
        Assert.Contains(Sut.Occurrences(new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 31)), o => o.Entry.Id == "one-off");
        Assert.DoesNotContain(Sut.Occurrences(new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 31)), o => o.Entry.Id == "one-off");
    }

    [Fact]
    public void Occurrences_WholeMonthCampaign_OverlapsAnyRangeInsideTheMonth()
    {
        var campaign = Assert.Single(Sut.Occurrences(new DateOnly(2021, 6, 20), new DateOnly(2021, 6, 21)));

        Assert.True(campaign.WholeMonth);
        Assert.Equal((new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 30)), (campaign.Start, campaign.End));
    }

    [Fact]
    public void Occurrences_TwentyNinthOfFebruary_FallsOnThe28thInOtherYears()
    {
        var days = Sut.Occurrences(new DateOnly(2023, 2, 1), new DateOnly(2024, 3, 1))
            .Where(o => o.Entry.Id == "leap-day").Select(o => o.Start);

        Assert.Equal([new DateOnly(2023, 2, 28), new DateOnly(2024, 2, 29)], days);
    }

    [Fact]
    public void Announcements_LeadDays_CanFallInThePreviousYear()
    {
        var december = Sut.Announcements(new DateOnly(2021, 12, 1), new DateOnly(2021, 12, 31));

        var early = Assert.Single(december);
        Assert.Equal(new DateOnly(2021, 12, 22), early.On);
        Assert.Equal(new DateOnly(2022, 1, 5), early.Occurrence.Start);
        Assert.Equal("yearly-day@2022-01-05-14", early.Key);
    }

    [Fact]
    public void Announcements_WithoutLeadDays_AreOnTheDay()
    {
        var february = Sut.Announcements(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29));

        Assert.Equal(new DateOnly(2024, 2, 29), Assert.Single(february).On);
    }

    [Fact]
    public void Announcements_InARange_AreOrderedByDay()
    {
        var may = Sut.Announcements(new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 31));

        Assert.Equal(["one-off@2021-05-23-1", "one-off@2021-05-23-0", "campaign-month@2021-06-01-7"], may.Select(a => a.Key));
    }

    [Fact]
    public void DueAt_IsTheLocalHourInTheBotsZone()
    {
        var announcement = Sut.Announcements(new DateOnly(2021, 5, 23), new DateOnly(2021, 5, 23)).Single();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

        var due = CalendarService.DueAt(announcement, new TimeOnly(8, 0), zone);

        Assert.Equal(new DateTimeOffset(2021, 5, 23, 1, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Render_GivesTheTemplateItsDocumentedVariables()
    {
        var yearly = Sut.Render(Sut.Find("yearly-day", new DateOnly(2022, 1, 5))!, new DateOnly(2021, 12, 22));
        var oneOff = Sut.Render(Sut.Find("one-off", new DateOnly(2021, 5, 23))!, new DateOnly(2021, 5, 23));
        var withPart = Sut.Render(Sut.Find("leap-day", new DateOnly(2024, 2, 29))!, new DateOnly(2024, 2, 29));

        Assert.Equal("A yearly day on 05/01/2022 in 14 days. ||Hướng dẫn 413/HD-CAT-PV05", yearly);
        Assert.Equal("Guard the polls.|A note.|0", oneOff);
        Assert.Equal("Hướng dẫn 413/HD-CAT-PV05, part 2", withPart);
    }

    [Fact]
    public void Upcoming_IncludesTheCampaignMonthStillRunning()
    {
        var next = Sut.Upcoming(new DateOnly(2021, 6, 15), 2);

        Assert.Equal(["campaign-month", "yearly-day"], next.Select(o => o.Entry.Id));
    }
}
