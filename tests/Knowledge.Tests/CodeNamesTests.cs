using AnToan.Knowledge.Model;
using AnToan.Tests;

namespace AnToan.Knowledge.Tests;

/// <summary>The names shared by code and content, checked both ways on a copy of the shipped content with layers of
/// test code: what a layer names must exist, and what the content defines must be named by some layer or declared
/// optional.</summary>
public sealed class CodeNamesTests : IDisposable
{
    private readonly string _root = ContentCopy.Create();
    private readonly KnowledgeContent _shipped;

    public CodeNamesTests() => _shipped = KnowledgeContent.Load(_root);

    public void Dispose() => Directory.Delete(_root, true);

    /// <summary>Two layers that between them name every template and intent of the shipped content but "smalltalk-joke"
    /// and "joke", which the second answers as a pair.</summary>
    private CodeNames[] Layers()
    {
        var templates = _shipped.Templates.Names.Where(t => t != "smalltalk-joke").Order().ToList();
        var intents = _shipped.Intents.Select(i => i.Id).Where(i => i != "joke").ToList();
        return
        [
            new("First", templates[..(templates.Count / 2)], intents[..(intents.Count / 2)]),
            new("Second", templates[(templates.Count / 2)..], intents[(intents.Count / 2)..], Replies: _ => [("joke", "smalltalk-joke")]),
        ];
    }

    private ContentException LoadFails(CodeNames[] layers) =>
        Assert.Throws<ContentException>(() => KnowledgeContent.Load(_root, [CodeNames.CheckAll(layers)]));

    [Fact]
    public void EveryNameUsedByOneLayerOrAnother_Loads()
    {
        Assert.NotNull(KnowledgeContent.Load(_root, [CodeNames.CheckAll(Layers())]));
    }

    [Fact]
    public void ANameALayerUses_ThatIsMissing_IsReportedFirst()
    {
        var layers = Layers();
        layers[0] = layers[0] with { Templates = [.. layers[0].Templates, "answer-renamed"] };

        var error = LoadFails(layers);

        Assert.Equal("templates/answer-renamed.sbn", error.File);
        Assert.Equal("template 'answer-renamed' used by First is missing", error.Reason);
    }

    [Fact]
    public void ATemplateNoLayerRenders_IsReported_NamingItsFile()
    {
        File.WriteAllText(Path.Combine(_root, "templates", "spare.sbn"), "Dự phòng");

        var error = LoadFails(Layers());

        Assert.Equal("templates/spare.sbn", error.File);
        Assert.StartsWith("not used by the code: 'spare';", error.Reason);
        Assert.Contains("{{# optional:", error.Reason);
    }

    [Fact]
    public void ATemplateDeclaredOptional_Loads_AndItsMarkRendersNothing()
    {
        File.WriteAllText(Path.Combine(_root, "templates", "spare.sbn"), "{{# optional: dành cho đợt cao điểm năm sau }}\nDự phòng");

        var content = KnowledgeContent.Load(_root, [CodeNames.CheckAll(Layers())]);

        Assert.True(content.Templates.IsOptional("spare"));
        Assert.Equal("Dự phòng", content.Templates.Render("spare"));
    }

    [Fact]
    public void AnOptionalMarkLaterInTheTemplate_DoesNotCount()
    {
        File.WriteAllText(Path.Combine(_root, "templates", "spare.sbn"), "Dự phòng\n{{# optional: không ở dòng đầu }}");

        Assert.Equal("templates/spare.sbn", LoadFails(Layers()).File);
    }

    [Fact]
    public void AnIntentNoLayerActsOn_IsReported_AndLoadsWhenDeclaredOptional()
    {
        ContentCopy.AddIntent(_root, """{ "id": "weather", "kind": "command", "examples": ["thời tiết hôm nay"] }""");

        var error = LoadFails(Layers());

        Assert.Equal("intents.json", error.File);
        Assert.StartsWith("not used by the code: 'weather';", error.Reason);

        ContentCopy.Replace(_root, "intents.json", "\"id\": \"weather\",", "\"id\": \"weather\", \"optional\": true,");
        Assert.Contains(KnowledgeContent.Load(_root, [CodeNames.CheckAll(Layers())]).Intents, i => i.Id == "weather" && i.Optional);
    }

    [Fact]
    public void APairTheCodeAnswers_IsUsedOnlyWhenTheContentHasBoth()
    {
        File.Delete(Path.Combine(_root, "templates", "smalltalk-joke.sbn"));

        var error = LoadFails(Layers());

        Assert.Equal("intents.json", error.File);
        Assert.StartsWith("not used by the code: 'joke';", error.Reason);
    }

    [Fact]
    public void AWordOfALayersFile_IsReportedUnlessUsedOrOptional()
    {
        var layers = Layers();
        FileNames Words(string[] optional) => new("words.json", new HashSet<string> { "buttons.yes", "buttons.maybe" }, ["buttons.yes"], optional);

        layers[1] = layers[1] with { Words = _ => Words([]) };
        var error = LoadFails(layers);
        Assert.Equal("words.json", error.File);
        Assert.StartsWith("not used by the code: 'buttons.maybe';", error.Reason);

        layers[1] = layers[1] with { Words = _ => Words(["buttons.maybe"]) };
        Assert.NotNull(KnowledgeContent.Load(_root, [CodeNames.CheckAll(layers)]));

        layers[1] = layers[1] with { Words = _ => Words(["buttons.maybe", "buttons.gone"]) };
        error = LoadFails(layers);
        Assert.Equal("words.json", error.File);
        Assert.Equal("'buttons.gone' is declared optional but not defined", error.Reason);
    }
}
