using AnToan.Bot.Hosting;
using AnToan.Tests;
using AnToan.Dialogs.Engine;
using AnToan.Knowledge;
using AnToan.Knowledge.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Hosting;

/// <summary>The host refuses to start on a broken content folder and says which file, where and why — the files
/// read by the dialogs, the report and the dashboard as much as the knowledge itself.</summary>
public sealed class ContentStartupTests : IDisposable
{
    private readonly string _content = ContentCopy.Create();
    private readonly string _data = Directory.CreateTempSubdirectory("antoan-test-").FullName;

    public void Dispose()
    {
        Directory.Delete(_content, true);
        Directory.Delete(_data, true);
    }

    [Theory]
    [InlineData("dialogs.json")]
    [InlineData("vietnamese.json")]
    [InlineData("report.json")]
    [InlineData("admin.json")]
    [InlineData("passages.json")]
    public async Task AFileWithBrokenJson_StopsTheHost_NamingFileAndLine(string file)
    {
        var path = Path.Combine(_content, file);
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(2, "  \"broken\": ,");
        File.WriteAllLines(path, lines);

        var error = await StartFailsAsync();

        Assert.Equal(file, error.File);
        Assert.Equal(3, error.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public async Task AnUnknownWordListInDialogs_StopsTheHost()
    {
        var path = Path.Combine(_content, "dialogs.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"join\":", "\"joins\":", StringComparison.Ordinal));

        var error = await StartFailsAsync();

        Assert.Equal("dialogs.json", error.File);
        Assert.Contains("joins", error.Reason);
    }

    [Fact]
    public async Task ABrokenTemplateInTheReportWording_StopsTheHost()
    {
        var path = Path.Combine(_content, "report.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("{{ unit.name | string.upcase }}", "{{ unit.name | }", StringComparison.Ordinal));

        var error = await StartFailsAsync();

        Assert.Equal("report.json 'unitLine'", error.File);
    }

    [Theory]
    [InlineData("dialog-paused")]
    [InlineData("answer-source")]
    [InlineData("notify-toggle")]
    [InlineData("dialog-checklist-item-help")]
    public async Task ARenamedTemplateTheCodeUses_StopsTheHost_NamingTheFileAndTheTemplate(string template)
    {
        var path = Path.Combine(_content, "templates", $"{template}.sbn");
        File.Move(path, Path.Combine(_content, "templates", $"{template}-renamed.sbn"));

        var error = await StartFailsAsync();

        Assert.Equal($"templates/{template}.sbn", error.File);
        Assert.Contains($"'{template}'", error.Reason);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("unit.join")]
    [InlineData("calendar.upcoming")]
    [InlineData("subscribe")]
    public async Task ARemovedIntentTheCodeUses_StopsTheHost_NamingTheFileAndTheIntent(string intent)
    {
        var path = Path.Combine(_content, "intents.json");
        var lines = File.ReadAllLines(path).ToList();
        Assert.Equal(1, lines.RemoveAll(l => l.Contains($"\"id\": \"{intent}\"", StringComparison.Ordinal)));
        File.WriteAllLines(path, lines);

        var error = await StartFailsAsync();

        Assert.Equal("intents.json", error.File);
        Assert.Contains($"'{intent}'", error.Reason);
    }

    [Fact]
    public async Task ARemovedButtonTheDialogsShow_StopsTheHost_NamingTheFileAndTheButton()
    {
        var path = Path.Combine(_content, "dialogs.json");
        var text = File.ReadAllText(path);
        var removed = System.Text.RegularExpressions.Regex.Replace(text, "\"today\": \"[^\"]*\", ", "");
        Assert.NotEqual(text, removed);
        File.WriteAllText(path, removed);

        var error = await StartFailsAsync();

        Assert.Equal("dialogs.json", error.File);
        Assert.Contains("'buttons.today'", error.Reason);
    }

    [Theory]
    [InlineData("checklistStatus", "done")]
    [InlineData("assessmentRating", "met")]
    public async Task ARenamedChoiceValueTheCodeCountsBy_StopsTheHost_NamingTheFileAndTheValue(string list, string value)
    {
        var path = Path.Combine(_content, "dialogs.json");
        var text = File.ReadAllText(path);
        var renamed = text.Replace($"{{ \"value\": \"{value}\",", $"{{ \"value\": \"{value}-renamed\",", StringComparison.Ordinal);
        Assert.NotEqual(text, renamed);
        File.WriteAllText(path, renamed);

        var error = await StartFailsAsync();

        Assert.Equal("dialogs.json", error.File);
        Assert.Contains($"'{list}.{value}'", error.Reason);
    }

    [Fact]
    public async Task ATemplateNoCodeRenders_StopsTheHost_NamingItsFileAndName()
    {
        File.WriteAllText(Path.Combine(_content, "templates", "dialog-spare.sbn"), "Mẫu dự phòng");

        var error = await StartFailsAsync();

        Assert.Equal("templates/dialog-spare.sbn", error.File);
        Assert.Contains("'dialog-spare'", error.Reason);
    }

    [Theory]
    [InlineData("""{ "id": "weather", "kind": "command", "examples": ["thời tiết hôm nay"] }""", "weather")]
    [InlineData("""{ "id": "compliment", "kind": "smalltalk", "examples": ["bạn giỏi quá"] }""", "compliment")]
    public async Task AnIntentNoCodeActsOn_StopsTheHost_NamingTheFileAndTheIntent(string intent, string id)
    {
        ContentCopy.AddIntent(_content, intent);

        var error = await StartFailsAsync();

        Assert.Equal("intents.json", error.File);
        Assert.Contains($"'{id}'", error.Reason);
    }

    [Fact]
    public async Task ASmallTalkIntentWithoutItsTemplate_StopsTheHost_NamingTheIntent()
    {
        File.Delete(Path.Combine(_content, "templates", "smalltalk-joke.sbn"));

        var error = await StartFailsAsync();

        Assert.Equal("intents.json", error.File);
        Assert.Contains("'joke'", error.Reason);
    }

    [Theory]
    [InlineData("\"buttons\": { ", "\"buttons\": { \"help\": \"Trợ giúp\", ", "buttons.help")]
    [InlineData("\"checklistStatus\": [", "\"checklistStatus\": [ { \"value\": \"blocked\", \"label\": \"Vướng mắc\", \"synonyms\": [] },", "checklistStatus.blocked")]
    public async Task AWordOfTheDialogsNoCodeUses_StopsTheHost_NamingTheFileAndTheWord(string from, string to, string name)
    {
        ContentCopy.Replace(_content, "dialogs.json", from, to);

        var error = await StartFailsAsync();

        Assert.Equal("dialogs.json", error.File);
        Assert.Contains($"'{name}'", error.Reason);
    }

    [Fact]
    public async Task ACalendarCategoryWithoutItsName_StopsTheHost_NamingTheTemplateAndTheCategory()
    {
        ContentCopy.Replace(_content, "templates/notify-category.sbn", "{{ when \"election\" }}Bầu cử", "");

        var error = await StartFailsAsync();

        Assert.Equal("templates/notify-category.sbn", error.File);
        Assert.Contains("'election'", error.Reason);
    }

    [Fact]
    public async Task ANamedDayOfAnUnknownCalendarCategory_StopsTheHost()
    {
        ContentCopy.Replace(_content, "import.json", "\"category\": \"campaign\"", "\"category\": \"campaigns\"");

        var error = await StartFailsAsync();

        Assert.Equal("import.json", error.File);
        Assert.Contains("'campaigns'", error.Reason);
    }

    [Fact]
    public async Task NamesNoCodeUses_Start_WhenTheContentDeclaresThemOptional()
    {
        File.WriteAllText(Path.Combine(_content, "templates", "dialog-spare.sbn"), "{{# optional: cho đợt cao điểm sau }}\nMẫu dự phòng");
        ContentCopy.AddIntent(_content, """{ "id": "weather", "kind": "command", "optional": true, "examples": ["thời tiết hôm nay"] }""");
        ContentCopy.Replace(_content, "dialogs.json", "\"buttons\": { ", "\"buttons\": { \"help\": \"Trợ giúp\", ");
        ContentCopy.Replace(_content, "dialogs.json", "\"optional\": []", "\"optional\": [\"buttons.help\"] // the menu will show it");

        await using var app = BotHost.Build(Args());
        await app.StartAsync();

        var content = app.Services.GetRequiredService<KnowledgeStore>().Current;
        Assert.True(content.Templates.IsOptional("dialog-spare"));
        Assert.Contains(content.Intents, i => i.Id == "weather" && i.Optional);
        Assert.Equal("Trợ giúp", content.Part<DialogWords>().Button("help"));

        await app.StopAsync();
    }

    [Fact]
    public async Task TheUntouchedCopy_Starts_ServingThatCopy()
    {
        await using var app = BotHost.Build(Args());
        await app.StartAsync();

        var store = app.Services.GetRequiredService<KnowledgeStore>();
        Assert.Equal(_content, store.Root);
        Assert.Equal(1, store.Version);
        Assert.NotEmpty(store.Current.Part<DialogWords>().Buttons);

        await app.StopAsync();
    }

    private string[] Args() =>
        ["--urls=http://127.0.0.1:0", $"--Storage:Path={Path.Combine(_data, "antoan.db")}", $"--Knowledge:ContentPath={_content}", "--Logging:LogLevel:Default=Warning"];

    /// <summary>The content is loaded while the host is built; starting is attempted too, should that ever change.</summary>
    private async Task<ContentException> StartFailsAsync() =>
        await Assert.ThrowsAsync<ContentException>(async () =>
        {
            var app = BotHost.Build(Args());
            await using (app) await app.StartAsync();
        });
}
