using AnToan.Knowledge.Model;

namespace AnToan.Knowledge;

/// <summary>Holds the content in service and the number of the version it came from; a new snapshot is swapped in
/// only once it loaded and validated cleanly.</summary>
/// <param name="root">The shipped content folder: version 1, and where templates are read from.</param>
/// <param name="parts">Files of the other layers loaded, checked and swapped together with the knowledge.</param>
public sealed class KnowledgeStore(string root, IReadOnlyList<ContentPart>? parts = null)
{
    private readonly IReadOnlyList<ContentPart> _parts = parts ?? [];
    private Snapshot _current = new(KnowledgeContent.Load(root, parts), 1);

    public string Root { get; } = root;

    public KnowledgeContent Current => Volatile.Read(ref _current).Content;

    /// <summary>The content version in service (1 = the shipped folder).</summary>
    public int Version => Volatile.Read(ref _current).Version;

    /// <summary>The content in service with its version, read together.</summary>
    public (KnowledgeContent Content, int Version) InService => Volatile.Read(ref _current) is var s ? (s.Content, s.Version) : default;

    /// <summary>Reads and checks <paramref name="files"/> without putting them into service.</summary>
    /// <exception cref="ContentException">A file is broken.</exception>
    public KnowledgeContent Load(ContentFiles files) => KnowledgeContent.Load(files, _parts);

    /// <summary>Reads the shipped folder again (JSON and templates) without putting it into service.</summary>
    /// <exception cref="ContentException">A file is broken.</exception>
    public KnowledgeContent LoadShipped() => KnowledgeContent.Load(Root, _parts);

    /// <summary>Puts a loaded snapshot into service as <paramref name="version"/>.</summary>
    public void Serve(KnowledgeContent content, int version) => Volatile.Write(ref _current, new Snapshot(content, version));

    /// <summary>Reads the shipped folder again and serves it under the same version number (tests and tools).</summary>
    /// <exception cref="ContentException">A file is broken; the previous content stays in service.</exception>
    public KnowledgeContent Reload()
    {
        var next = LoadShipped();
        Serve(next, Version);
        return next;
    }

    private sealed record Snapshot(KnowledgeContent Content, int Version);
}
