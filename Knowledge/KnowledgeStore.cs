using AnToan.Knowledge.Model;

namespace AnToan.Knowledge;

/// <summary>Holds the content in service; a reload swaps in a new snapshot only when it loaded cleanly.</summary>
/// <param name="parts">Files of the other layers loaded, checked and swapped together with the knowledge.</param>
public sealed class KnowledgeStore(string root, IReadOnlyList<ContentPart>? parts = null)
{
    private readonly IReadOnlyList<ContentPart> _parts = parts ?? [];
    private KnowledgeContent _current = KnowledgeContent.Load(root, parts);

    public string Root { get; } = root;

    public KnowledgeContent Current => Volatile.Read(ref _current);

    /// <summary>Loads the content again. On a <see cref="ContentException"/> the previous content stays in service.</summary>
    public KnowledgeContent Reload()
    {
        var next = KnowledgeContent.Load(Root, _parts);
        Volatile.Write(ref _current, next);
        return next;
    }
}
