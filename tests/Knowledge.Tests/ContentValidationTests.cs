using AnToan.Knowledge.Model;
using AnToan.Tests;

namespace AnToan.Knowledge.Tests;

/// <summary>A copy of the shipped content with one thing broken: loading it fails with the file, the line when the
/// reader knows it, and the reason.</summary>
public sealed class ContentValidationTests : IDisposable
{
    private readonly string _root = ContentCopy.Create();

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void TheUntouchedCopy_Loads()
    {
        Assert.NotEmpty(KnowledgeContent.Load(_root).Passages);
    }

    [Fact]
    public void MalformedJson_NamesTheFileAndLine()
    {
        var lines = Lines("facts.json");
        lines.Insert(3, "    \"type\": ,");
        File.WriteAllLines(PathOf("facts.json"), lines);

        var error = LoadFails();

        Assert.Equal("facts.json", error.File);
        Assert.Equal(4, error.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void AnUnknownField_IsRefused_WithItsLine()
    {
        var lines = Lines("passages.json");
        var at = lines.FindIndex(l => l.Contains("\"title\":", StringComparison.Ordinal));
        lines.Insert(at + 1, "    \"colour\": \"red\",");
        File.WriteAllLines(PathOf("passages.json"), lines);

        var error = LoadFails();

        Assert.Equal("passages.json", error.File);
        Assert.Equal(at + 2, error.Line);
        Assert.Contains("colour", error.Reason);
    }

    [Fact]
    public void ADuplicateId_IsRefused()
    {
        var content = KnowledgeContent.Load(_root);
        var (first, second) = (content.Passages[0].Id, content.Passages[1].Id);
        Replace("passages.json", $"\"id\": \"{second}\"", $"\"id\": \"{first}\"");

        var error = LoadFails();

        Assert.Equal("passages.json", error.File);
        Assert.Contains($"duplicate id '{first}'", error.Reason);
    }

    [Fact]
    public void APassageWithoutSource_IsRefused()
    {
        var lines = Lines("passages.json");
        lines.RemoveAt(lines.FindIndex(l => l.TrimStart().StartsWith("\"source\":", StringComparison.Ordinal)));
        File.WriteAllLines(PathOf("passages.json"), lines);

        var error = LoadFails();

        Assert.Equal("passages.json", error.File);
        Assert.Contains("source", error.Reason);
    }

    [Fact]
    public void APassageWithAnEmptySource_IsRefused_WithItsId()
    {
        var passage = KnowledgeContent.Load(_root).Passages[0];
        ReplaceFirst("passages.json", $"\"document\": \"{passage.Source.Document}\"", "\"document\": \"\"");

        var error = LoadFails();

        Assert.Equal("passages.json", error.File);
        Assert.Equal($"'{passage.Id}' has no source", error.Reason);
    }

    [Fact]
    public void ASourceCitingAnUnknownDocument_IsRefused()
    {
        var passage = KnowledgeContent.Load(_root).Passages[0];
        ReplaceFirst("passages.json", $"\"document\": \"{passage.Source.Document}\"", "\"document\": \"HD-999-KHONG-CO\"");

        var error = LoadFails();

        Assert.Equal("passages.json", error.File);
        Assert.Equal($"'{passage.Id}' cites unknown document 'HD-999-KHONG-CO'", error.Reason);
    }

    [Fact]
    public void AFactTiedToAnUnknownPassage_IsRefused()
    {
        var fact = KnowledgeContent.Load(_root).Facts[0];
        ReplaceFirst("facts.json", $"\"passage\": \"{fact.Passage}\"", "\"passage\": \"khong-co-doan-nay\"");

        var error = LoadFails();

        Assert.Equal("facts.json", error.File);
        Assert.Equal($"'{fact.Id}' is tied to unknown passage 'khong-co-doan-nay'", error.Reason);
    }

    [Fact]
    public void ACalendarEntryWithABadDate_IsRefused()
    {
        var entry = KnowledgeContent.Load(_root).Calendar.First(e => !e.Recurring);
        ReplaceFirst("calendar.json", $"\"date\": \"{entry.Date}\"", "\"date\": \"2021-13-45\"");

        var error = LoadFails();

        Assert.Equal("calendar.json", error.File);
        Assert.Equal($"'{entry.Id}' has no valid date", error.Reason);
    }

    [Fact]
    public void ACalendarEntryOfACategoryNobodyCanSubscribeTo_IsRefused()
    {
        var entry = KnowledgeContent.Load(_root).Calendar[0];
        ReplaceFirst("calendar.json", $"\"category\": \"{entry.Category}\"", "\"category\": \"campain\"");

        var error = LoadFails();

        Assert.Equal("calendar.json", error.File);
        Assert.StartsWith($"'{entry.Id}' has the category 'campain'", error.Reason);
    }

    [Fact]
    public void ATemplateWithASyntaxError_NamesTheTemplateAndLine()
    {
        var help = PathOf(Path.Combine("templates", "help.sbn"));
        File.WriteAllText(help, "Dòng một\nDòng hai\n{{ if }}\n" + File.ReadAllText(help));

        var error = LoadFails();

        Assert.Equal("templates/help.sbn", error.File);
        Assert.Equal(3, error.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void AMissingFile_IsNamed()
    {
        File.Delete(PathOf("glossary.json"));

        var error = LoadFails();

        Assert.Equal("glossary.json", error.File);
        Assert.Equal("file is missing", error.Reason);
    }

    [Theory]
    [InlineData("\"monthWords\": [\"tháng\"]", "\"monthWords\": []", "monthWords")]
    [InlineData("\"notNumbers\": [\"không\",", "\"notNumbers\": [\"khong\",", "'khong'")]
    public void VietnameseWords_TheMatcherCannotReadWith_AreNamed(string shipped, string broken, string named)
    {
        Replace("vietnamese.json", shipped, broken);

        var error = LoadFails();

        Assert.Equal("vietnamese.json", error.File);
        Assert.Contains(named, error.Reason);
    }

    [Fact]
    public void APartOfAnotherLayer_IsCheckedWithTheRest()
    {
        var part = ContentPart.Json<Dictionary<string, string>>("extra.json");
        File.WriteAllText(PathOf("extra.json"), "{\n  \"a\": \"b\",\n  \"c\": \n}");

        var error = Assert.Throws<ContentException>(() => new KnowledgeStore(_root, [part]));

        Assert.Equal("extra.json", error.File);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void AReload_KeepsTheContentInService_WhenAPartIsBroken_AndTakesItsNextVersion()
    {
        var part = ContentPart.Json<Dictionary<string, string>>("extra.json");
        File.WriteAllText(PathOf("extra.json"), "{ \"greeting\": \"xin chào\" }");
        var store = new KnowledgeStore(_root, [part]);
        var before = store.Current;

        File.WriteAllText(PathOf("extra.json"), "{ \"greeting\": ");
        Assert.Equal("extra.json", Assert.Throws<ContentException>(store.Reload).File);
        Assert.Same(before, store.Current);

        File.WriteAllText(PathOf("extra.json"), "{ \"greeting\": \"chào bạn\" }");
        store.Reload();
        Assert.Equal("chào bạn", store.Current.Part<Dictionary<string, string>>()["greeting"]);
    }

    private ContentException LoadFails() => Assert.Throws<ContentException>(() => KnowledgeContent.Load(_root));

    private string PathOf(string file) => Path.Combine(_root, file);

    private List<string> Lines(string file) => [.. File.ReadAllLines(PathOf(file))];

    private void Replace(string file, string from, string to) => ContentCopy.Replace(_root, file, from, to);

    private void ReplaceFirst(string file, string from, string to)
    {
        var text = File.ReadAllText(PathOf(file));
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not in {file}");
        File.WriteAllText(PathOf(file), text[..at] + to + text[(at + from.Length)..]);
    }
}
