using AnToan.Bot.Content;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge.Model;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>Content versions (<see cref="IContentVersionStore"/>: "current" by compare-and-set) and drafts
/// (<see cref="IDraftStore"/>).</summary>
public abstract class ContentStoreContract(TestStores stores) : IDisposable
{
    public void Dispose() => stores.Dispose();

    private static ContentFiles Files(string text) => new(new Dictionary<string, string>
    {
        ["passages.json"] = $$"""{ "text": "{{text}}", "vi": "Hướng dẫn \u0111" }""",
        ["facts.json"] = "[]",
    }, "templates-root");

    private ContentVersion Info(string title) => new(0, 2026, title, "why", stores.Time.GetUtcNow(), "officer");

    [ProviderFact]
    public void Seed_StoresVersionOneOnce_AndItsFilesComeBackExactly()
    {
        Assert.Null(stores.Versions().Current());
        Assert.True(stores.Versions(0).Seed(Files("shipped"), Info("Shipped")));
        Assert.False(stores.Versions(1).Seed(Files("other"), Info("Other")));

        Assert.Equal(1, stores.Versions(1).Current());
        var files = stores.Versions(1).Files(1, "root")!;
        Assert.True(files.SameJson(Files("shipped")));
        Assert.Equal("root", files.TemplatesRoot);
        Assert.Equal(new ContentVersion(1, 2026, "Shipped", "why", stores.Time.GetUtcNow(), "officer"), stores.Versions(1).Get(1));
        Assert.Null(stores.Versions().Files(2, "root"));
    }

    [ProviderFact]
    public async Task TwoPublishesFromOneVersion_OneWins_AndTheOtherIsTold()
    {
        stores.Versions().Seed(Files("shipped"), Info("Shipped"));

        var results = await TestStores.RaceAsync(6, i => stores.Versions(i % 2).Publish(Files($"edit {i}"), Info($"Edit {i}"), expectedCurrent: 1));

        Assert.Equal(2, Assert.Single(results.OfType<int>()));
        Assert.Equal(2, stores.Versions(1).Current());
        Assert.Equal([1, 2], stores.Versions(0).List().Select(v => v.Version));
        Assert.Null(stores.Versions(0).Publish(Files("late"), Info("Late"), expectedCurrent: 1));
    }

    [ProviderFact]
    public void Restore_PutsAnExistingVersionBack_OnlyFromTheVersionInService()
    {
        stores.Versions().Seed(Files("shipped"), Info("Shipped"));
        stores.Versions().Publish(Files("edit"), Info("Edit"), 1);

        Assert.False(stores.Versions(1).Restore(1, expectedCurrent: 1));
        Assert.False(stores.Versions(1).Restore(9, expectedCurrent: 2));
        Assert.True(stores.Versions(1).Restore(1, expectedCurrent: 2));
        Assert.Equal(1, stores.Versions(0).Current());
        Assert.Equal(3, stores.Versions(0).Publish(Files("next"), Info("Next"), 1));
    }

    private ContentDraft Draft(string id, int minutes) => new()
    {
        DraftId = id,
        FileName = "guidance.docx",
        CreatedAt = stores.Time.GetUtcNow().AddMinutes(minutes),
        CreatedBy = "officer",
        BasedOn = 1,
        Year = 2026,
        Document = new DocumentInfo("d", "12/HD", "HD", "2026-01-05", "CA", "Subject"),
        Paragraphs = [new SourceParagraph("1", "Text")],
        Dates = [new FoundDate("2026-12-01", "01/12", "Sentence", "1")],
        Passages = [],
        Facts = [],
        Checklist = [],
        Calendar = [],
    };

    [ProviderFact]
    public void Drafts_AreSavedReadAndListedNewestFirst_FromAnyInstance()
    {
        stores.Drafts(0).Save(Draft("a", 0));
        stores.Drafts(1).Save(Draft("b", 5));
        stores.Drafts(0).Save(Draft("a", 0) with { FileName = "edited.docx" });

        Assert.Equal(["b", "a"], stores.Drafts(1).List().Select(d => d.DraftId));
        var read = stores.Drafts(1).Get("a")!;
        Assert.Equal("edited.docx", read.FileName);
        Assert.Equal("2026-12-01", Assert.Single(read.Dates).Date);
        Assert.Null(stores.Drafts(1).Get("missing"));
    }

    [ProviderFact]
    public async Task ADraftIsMarkedPublishedOnce()
    {
        stores.Drafts().Save(Draft("a", 0));

        var marks = await TestStores.RaceAsync(6, i => stores.Drafts(i % 2).MarkPublished("a", 10 + i));

        Assert.Single(marks, true);
        Assert.Contains(stores.Drafts(1).Get("a")!.PublishedVersion!.Value - 10, Enumerable.Range(0, 6).Where(i => marks[i]));
        Assert.False(stores.Drafts().MarkPublished("missing", 3));
    }
}

public sealed class LiteDbContentStoreTests() : ContentStoreContract(TestStores.LiteDb());

public sealed class PostgresContentStoreTests() : ContentStoreContract(TestStores.Postgres()), INeedsPostgres;
