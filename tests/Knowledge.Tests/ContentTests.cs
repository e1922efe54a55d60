using AnToan.Knowledge.Calendar;
using System.Runtime.CompilerServices;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;
using Scriban;
using Scriban.Runtime;

namespace AnToan.Knowledge.Tests;

/// <summary>The shipped content (Knowledge/Content, copied to the test output) is complete and consistent.</summary>
public sealed class ContentTests
{
    private static readonly Lazy<KnowledgeContent> Shipped =
        new(() => KnowledgeContent.Load(Path.Combine(AppContext.BaseDirectory, "Content")));

    private static KnowledgeContent Content => Shipped.Value;

    [Fact]
    public void Load_ShippedContent_Validates()
    {
        Assert.NotEmpty(Content.Documents);
        Assert.NotEmpty(Content.Passages);
        Assert.NotEmpty(Content.Facts);
        Assert.NotEmpty(Content.Glossary);
        Assert.NotEmpty(Content.Calendar);
        Assert.NotEmpty(Content.Checklist);
        Assert.NotEmpty(Content.Criteria);
    }

    [Fact]
    public void AnIntentsExample_TypedWithoutDiacriticsOrCase_NamesIt_AndTextWithoutWordsNamesNone()
    {
        var help = Content.Intents.Single(i => i.Id == "help");
        var example = help.Examples.First(e => VietnameseText.Fold(e).Contains(' '));

        Assert.Contains(help, Content.IntentsWithExample(VietnameseText.Fold(example).ToUpperInvariant() + " !"));
        Assert.Empty(Content.IntentsWithExample("👍"));
        Assert.Empty(Content.IntentsWithExample("một câu không phải lệnh nào cả"));
    }

    [Fact]
    public void EveryPassage_HasAtLeastFourParaphrases()
    {
        var thin = Content.Passages.Where(p => (p.Paraphrases?.Count ?? 0) < 4).Select(p => p.Id);
        Assert.Empty(thin);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void EveryCalendarTemplate_RendersWithTheAnnouncementModel(int daysLeft)
    {
        foreach (var entry in Content.Calendar)
        {
            var text = RenderStrict(entry, daysLeft);
            Assert.False(string.IsNullOrWhiteSpace(text), entry.Id);
            Assert.Contains($"Nguồn: {Content.DocumentsById[entry.Source.Document].Kind} {Content.DocumentsById[entry.Source.Document].Number}", text);
            if (daysLeft > 0) Assert.Contains(daysLeft.ToString(), text);
        }
    }

    [Fact]
    public void CalendarTemplates_SayTodayDifferentlyFromDaysAhead()
    {
        var same = Content.Calendar.Where(e => RenderStrict(e, 0) == RenderStrict(e, 3)).Select(e => e.Id);
        Assert.Empty(same);
    }

    [Fact]
    public void EveryMenuValue_IsAnExampleOfSomeIntent()
    {
        var examples = Content.Intents.SelectMany(i => i.Examples).Select(VietnameseText.Fold).ToHashSet();
        var orphans = Content.Ui.Menu.Where(b => !examples.Contains(VietnameseText.Fold(b.Value))).Select(b => b.Value);
        Assert.Empty(orphans);
    }

    [Fact]
    public void NoIntentExample_BelongsToTwoIntents()
    {
        var shared = Content.Intents
            .SelectMany(i => i.Examples.Select(e => (Intent: i.Id, Folded: VietnameseText.Fold(e))))
            .GroupBy(x => x.Folded)
            .Where(g => g.Select(x => x.Intent).Distinct().Count() > 1)
            .Select(g => g.Key);
        Assert.Empty(shared);
    }

    [Fact]
    public void OwnEvaluationSet_IsWellFormed()
    {
        var lines = File.ReadAllLines(Path.Combine(SourceFolder(), "eval", "qa-own.tsv"));
        Assert.Equal("id\tquestion\texpected", lines[0]);
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, r => Assert.Equal(3, r.Length));
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        Assert.True(rows.Count >= 130, $"only {rows.Count} rows");
        Assert.Contains(rows, r => r[2] == "-");
    }

    /// <summary>Renders the next occurrence, <paramref name="daysLeft"/> days ahead, with the model the announcements
    /// use (<see cref="CalendarService.Model"/>) and strict variables, so a template that uses anything beyond it fails.</summary>
    private static string RenderStrict(CalendarEntry entry, int daysLeft)
    {
        var template = Template.Parse(entry.Template);
        Assert.False(template.HasErrors, entry.Id);
        var occurrence = CalendarService.Next(entry, new DateOnly(2021, 6, 1));
        Assert.NotNull(occurrence);
        var model = new ScriptObject();
        foreach (var (name, value) in CalendarService.Model(Content, occurrence, occurrence.Start.AddDays(-daysLeft))) model[name] = value;
        var context = new TemplateContext { StrictVariables = true };
        context.PushGlobal(model);
        return template.Render(context);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
