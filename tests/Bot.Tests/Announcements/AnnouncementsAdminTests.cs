using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AnToan.Bot.Tests.Announcements;

public sealed class AnnouncementsAdminTests : IAsyncLifetime
{
    private NotifyHarness _sut = null!;

    public async Task InitializeAsync() => _sut = await NotifyHarness.StartAsync("2021-05-01 10:00");

    public async Task DisposeAsync() => await _sut.DisposeAsync();

    private async Task<List<JsonElement>> ListAsync(string from, string to)
    {
        var response = await _sut.Host.Client.GetAsync($"/api/admin/announcements?from={from}&to={to}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!;
    }

    private static string Text(JsonElement e) => e.GetProperty("text").GetString()!;

    [Fact]
    public async Task List_June2021_ShowsTheDrugPreventionMonth()
    {
        var june = await ListAsync("2021-06-01", "2021-06-30");

        var month = Assert.Single(june, a => a.GetProperty("title").GetString() == "Tháng hành động phòng, chống ma túy");
        Assert.Equal("2021-06-01", month.GetProperty("day").GetString());
        Assert.Equal("2021-06-30", month.GetProperty("occurrenceEnd").GetString());
        Assert.StartsWith("2021-06-01T08:00:00+07:00", month.GetProperty("dueAt").GetString());
        Assert.Contains("Hôm nay (01/06/2021)", Text(month));
        Assert.Contains(june, a => a.GetProperty("entryId").GetString() == "ngay-toan-dan-phong-chong-ma-tuy" && a.GetProperty("day").GetString() == "2021-06-26");
    }

    [Fact]
    public async Task List_October_ShowsTheFirePreventionDay()
    {
        var october = await ListAsync("2021-10-01", "2021-10-31");

        var day = Assert.Single(october, a => a.GetProperty("entryId").GetString() == "ngay-toan-dan-pccc");
        Assert.Equal("2021-10-04", day.GetProperty("day").GetString());
        Assert.Contains("Ngày toàn dân phòng cháy, chữa cháy", Text(day));
        Assert.Contains("369/1996/QĐ-TTg", Text(day));
    }

    [Fact]
    public async Task List_LateNovember2021_ShowsTheDossierReminders()
    {
        var reminders = (await ListAsync("2021-11-15", "2021-11-30"))
            .Where(a => a.GetProperty("category").GetString() == "deadline").ToList();

        Assert.Equal(["2021-11-17", "2021-11-24", "2021-11-30"], reminders.Select(a => a.GetProperty("day").GetString()!));
        Assert.All(reminders, r => Assert.Contains("01/12/2021", Text(r)));
        Assert.Contains("Còn 14 ngày", Text(reminders[0]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1 ngày", Text(reminders[2]));
    }

    [Fact]
    public async Task List_May2021_ShowsTheElectionDuties()
    {
        var election = (await ListAsync("2021-05-01", "2021-05-31"))
            .Where(a => a.GetProperty("category").GetString() == "election").ToList();

        Assert.Equal(["2021-05-09", "2021-05-16", "2021-05-22", "2021-05-23"], election.Select(a => a.GetProperty("day").GetString()!));
        Assert.All(election, e => Assert.Contains("23/05/2021", Text(e)));
        var duties = _sut.Services.GetRequiredService<AnToan.Knowledge.KnowledgeStore>().Current.Calendar.Single(e => e.Id == "bau-cu-2021").Duties!;
        Assert.All(election, e => Assert.Contains(duties[..40], Text(e)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=2021-06-01")]
    [InlineData("?from=2021-13-01&to=2021-12-31")]
    [InlineData("?from=01/06/2021&to=30/06/2021")]
    [InlineData("?from=2021-06-30&to=2021-06-01")]
    [InlineData("?from=2021-01-01&to=2030-01-01")]
    public async Task List_BadRange_Is400WithAReason(string query)
    {
        var response = await _sut.Host.Client.GetAsync("/api/admin/announcements" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?at=tomorrow")]
    [InlineData("?at=2021-02-30T08:00:00")]
    public async Task Run_BadInstant_Is400WithAReason(string query)
    {
        var response = await _sut.Host.Client.PostAsync("/api/admin/announcements/run" + query, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ISO-8601", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task List_WithoutTheKey_Is401()
    {
        using var client = new HttpClient { BaseAddress = _sut.Host.Client.BaseAddress };

        var response = await client.GetAsync("/api/admin/announcements?from=2021-06-01&to=2021-06-30");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/admin/announcements?from=0001-01-01&to=0001-01-31")]
    [InlineData("/api/admin/announcements?from=9999-12-01&to=9999-12-31")]
    [InlineData("/api/admin/announcements?from=2021-01-01&to=9999-12-31")]
    public async Task List_OutsideTheYears2000To2100_Is400(string path)
    {
        var response = await _sut.Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000-01-01", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("9999-12-30T02:00:00Z")]
    [InlineData("9999-12-31T23:59:59+07:00")]
    [InlineData("1999-12-31T23:00:00Z")]
    public async Task Run_OutsideTheYears2000To2100_Is400_AndMovesNoWatermark(string at)
    {
        var response = await _sut.Host.Client.PostAsync($"/api/admin/announcements/run?at={Uri.EscapeDataString(at)}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000-01-01", await response.Content.ReadAsStringAsync());
        // Nothing was written: the first real mark finds none before it.
        Assert.Null(_sut.Services.GetRequiredService<AnToan.Bot.Announcements.IDeliveryStore>().AdvanceWatermark(DateTimeOffset.Parse("2021-05-01T03:00:00Z")));
    }
}
