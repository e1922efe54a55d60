using System.Text.Json.Nodes;
using AnToan.Bot.Content;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Content;

/// <summary>The importer reads the import.json of the content version loaded, not the one of the shipped folder: an
/// administrator teaches it a cue by publishing.</summary>
public sealed class ImportWordingTests
{
    [Fact]
    public async Task TheImportWordingOfALoadedVersion_IsThatVersionsOwn()
    {
        await using var host = await TestBotHost.StartAsync();
        var knowledge = host.App.Services.GetRequiredService<KnowledgeStore>();
        var import = JsonNode.Parse(knowledge.Current.Files.Json[ImportWording.File],
            documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        import["headingWords"]!.AsArray().Add("Mục mới");

        var content = knowledge.Load(knowledge.Current.Files.With(ImportWording.File, import.ToJsonString()));

        Assert.Contains("Mục mới", content.Part<ImportWording>().HeadingWords);
        Assert.DoesNotContain("Mục mới", knowledge.Current.Part<ImportWording>().HeadingWords);
    }
}
