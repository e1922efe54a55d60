using AnToan.Knowledge;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;

namespace AnToan.Bot.Content;

/// <summary>What a publish or a restore came to.</summary>
public enum ContentChange { Done, Conflict, Invalid, NotFound }

/// <summary>Keeps the content in service equal to the current version in the database: seeds version 1 from the shipped
/// folder, publishes and restores versions, and follows changes made by other instances.</summary>
/// <remarks>A version is loaded and validated before it is served; the search index of a new snapshot is built here,
/// not by the first question after it.</remarks>
public sealed class ContentVersions(IContentVersionStore store, KnowledgeStore knowledge, KnowledgeSearch search, TimeProvider time,
    ILogger<ContentVersions> logger)
{
    /// <summary>Who seeds version 1 (in the version history).</summary>
    public const string System = "system";

    private readonly Lock _gate = new();

    /// <summary>A stored version as this release reads it (see <see cref="ContentUpgrade"/>); null if there is none.</summary>
    private ContentFiles? Stored(int version)
    {
        if (store.Files(version, knowledge.Root) is not { } stored) return null;
        var (files, replaced) = ContentUpgrade.Apply(stored);
        if (replaced.Count > 0)
            logger.LogInformation("Content version {Version} was stored by an earlier release: {Files} read from {Folder}",
                version, string.Join(", ", replaced), knowledge.Root);
        return files;
    }

    /// <summary>At start-up: version 1 from the shipped folder on the first start; every stored version checked (a broken
    /// one is logged and cannot be restored); the current one served.</summary>
    /// <exception cref="ContentException">The current version does not load: the host must not start on it.</exception>
    public void Start()
    {
        var shipped = knowledge.Current;
        if (store.Seed(shipped.Files, Describe(shipped, note: null, System)))
        {
            logger.LogInformation("Content version 1 seeded from {Folder}", knowledge.Root);
            return;
        }
        if (!Stored(1)!.SameJson(shipped.Files))
            logger.LogWarning("The content folder {Folder} differs from content version 1 in the database; the database's versions stay in service. POST /api/admin/content/reload publishes the folder as a new version.", knowledge.Root);
        var current = store.Current()!.Value;
        foreach (var version in store.List().Where(v => v.Version != current))
        {
            try { knowledge.Load(Stored(version.Version)!); }
            catch (ContentException e) { logger.LogWarning("Content version {Version} does not load and cannot be restored: {Problem}", version.Version, e.Message); }
        }
        Serve(knowledge.Load(Stored(current)!), current);
    }

    /// <summary>Serves the database's current version if another one is in service (published or restored by another
    /// instance). A version that does not load is logged and the content in service stays.</summary>
    /// <exception cref="ContentException">The current version does not load (reported once per version).</exception>
    public void Sync()
    {
        lock (_gate)
        {
            if (store.Current() is not { } current || current == knowledge.Version || current == _broken) return;
            KnowledgeContent content;
            try { content = knowledge.Load(Stored(current)!); }
            catch (ContentException)
            {
                _broken = current;
                throw;
            }
            Serve(content, current);
            logger.LogInformation("Content version {Version} in service", current);
        }
    }

    /// <summary>The current version that did not load, so that a watcher reports it once rather than on every poll.</summary>
    private int? _broken;

    /// <summary>Loads, checks and publishes <paramref name="files"/> as the next version, if the version in service is
    /// still <paramref name="basedOn"/>.</summary>
    /// <exception cref="ContentException">The files do not load; nothing changed.</exception>
    public (ContentChange Change, int Version) Publish(ContentFiles files, int basedOn, string who, string? note) =>
        Publish(knowledge.Load(files), basedOn, who, note);

    /// <summary>Reads the shipped folder again: its templates go into service, and its JSON, when it differs from the
    /// version in service, is published as the next version.</summary>
    /// <exception cref="ContentException">A file is broken; nothing changed.</exception>
    public (ContentChange Change, int Version) PublishFolder(string who)
    {
        var content = knowledge.LoadShipped();
        var basedOn = knowledge.Version;
        if (!content.Files.SameJson(knowledge.Current.Files)) return Publish(content, basedOn, who, note: null);
        lock (_gate) Serve(content, basedOn);
        return (ContentChange.Done, basedOn);
    }

    private (ContentChange Change, int Version) Publish(KnowledgeContent content, int basedOn, string who, string? note)
    {
        lock (_gate)
        {
            if (store.Publish(content.Files, Describe(content, note, who), basedOn) is not { } version) return (ContentChange.Conflict, 0);
            Serve(content, version);
            return (ContentChange.Done, version);
        }
    }

    /// <summary>Puts an earlier version back in service.</summary>
    /// <exception cref="ContentException">That version does not load; nothing changed.</exception>
    public ContentChange Restore(int version)
    {
        if (Stored(version) is not { } files) return ContentChange.NotFound;
        var content = knowledge.Load(files);
        lock (_gate)
        {
            if (!store.Restore(version, knowledge.Version)) return ContentChange.Conflict;
            Serve(content, version);
            return ContentChange.Done;
        }
    }

    private void Serve(KnowledgeContent content, int version)
    {
        search.For(content);
        knowledge.Serve(content, version);
    }

    /// <summary>A version is described by its latest guidance: its year and its kind and number.</summary>
    private ContentVersion Describe(KnowledgeContent content, string? note, string who)
    {
        var year = content.GuidanceYears.Count > 0 ? content.GuidanceYears[^1] : (int?)null;
        var guidance = content.GuidanceOf(year);
        return new ContentVersion(0, year, guidance is null ? "" : $"{guidance.Kind} {guidance.Number}", note, time.GetUtcNow(), who);
    }
}

/// <summary>Follows the database's current content version, so that every instance serves what was published on any of
/// them within <c>Knowledge:VersionPollSeconds</c>.</summary>
/// <remarks>The poll runs on real time whatever clock the bot's dates come from: it is a delay, not a date.</remarks>
public sealed class ContentVersionWatcher(ContentVersions versions, IConfiguration configuration, ILogger<ContentVersionWatcher> logger)
    : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        versions.Start();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Knowledge:VersionPollSeconds", 2.0);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(seconds, 0.1)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { versions.Sync(); }
            catch (ContentException e) { logger.LogError("Content version in the database does not load; the content in service stays: {Problem}", e.Message); }
        }
    }
}
