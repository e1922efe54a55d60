using AnToan.Bot.Content;
using AnToan.Bot.Tests.Dialogs;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Content;

/// <summary>After an upgrade the host serves the version an earlier release stored, though a file's format changed.</summary>
public sealed class ContentUpgradeTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("antoan-upgrade-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task AVersionStoredByTheReleaseBefore_IsServedAfterTheUpgrade_AndAnswers()
    {
        await using (var before = await TestBotHost.StartAsync(_dataDir))
        {
            // What the release before stored when an officer published: its own files where they differ from this
            // release's (vietnamese.json without the matcher's words, dialogs.json without optional names, ...).
            var files = before.App.Services.GetRequiredService<KnowledgeStore>().Current.Files;
            var olds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ImportData"), "before-12-2026.*.json");
            Assert.Equal(3, olds.Length);
            foreach (var old in olds) files = files.With(Path.GetFileName(old)["before-12-2026.".Length..], File.ReadAllText(old));
            var store = before.App.Services.GetRequiredService<IContentVersionStore>();
            Assert.Equal(2, store.Publish(files, new ContentVersion(0, 2021, "t", null, DateTimeOffset.UtcNow, "officer"), expectedCurrent: 1));
        }

        await using var after = await TestBotHost.StartAsync(_dataDir);

        Assert.Equal(2, after.App.Services.GetRequiredService<KnowledgeStore>().Version);
        var reply = string.Join("\n", await new ChatClient(after.Client, "u", "c-upgrade").SayAsync("Hạn nộp hồ sơ đề nghị công nhận là khi nào?"));
        Assert.DoesNotContain("chưa có thông tin", reply);
        Assert.Contains("/", reply); // a date
        Assert.Contains("01/12/2021", reply); // the deadline of the shipped guidance
    }
}
