using AnToan.Knowledge.Model;

namespace AnToan.Knowledge.Tests;

/// <summary>Every render shares one set of Scriban's built-in functions: it works from many threads at once, and no
/// template can change it for the others.</summary>
public sealed class TemplateSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("antoan-templates-").FullName;

    [Fact]
    public void BuiltIns_Work_FromManyThreadsAtOnce()
    {
        File.WriteAllText(Path.Combine(_dir, "greet.sbn"), "{{ name | string.upcase }} {{ items | array.join \", \" }}");
        var templates = TemplateSet.Load(_dir);

        Parallel.For(0, 2000, i =>
            Assert.Equal($"N{i} {i}, {i + 1}", templates.Render("greet", new { Name = $"n{i}", Items = new[] { i, i + 1 } })));
    }

    [Fact]
    public void ATemplateThatAssignsToABuiltIn_FailsToRender_AndChangesNothingForTheOthers()
    {
        File.WriteAllText(Path.Combine(_dir, "rogue.sbn"), "{{ date.format = \"%Y\" }}{{ string = 1 }}");
        File.WriteAllText(Path.Combine(_dir, "dated.sbn"), "{{ date.format }}|{{ \"abc\" | string.upcase }}");
        var templates = TemplateSet.Load(_dir);
        var before = templates.Render("dated");

        Assert.ThrowsAny<Exception>(() => templates.Render("rogue"));

        Assert.Equal(before, templates.Render("dated"));
        Assert.EndsWith("|ABC", before);
    }

    [Fact]
    public void VariablesATemplateSets_StayInItsRender()
    {
        File.WriteAllText(Path.Combine(_dir, "sets.sbn"), "{{ x = (x ?? 0) + 1 }}{{ x }}");
        var templates = TemplateSet.Load(_dir);

        Assert.Equal("1", templates.Render("sets"));
        Assert.Equal("1", templates.Render("sets"));
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
