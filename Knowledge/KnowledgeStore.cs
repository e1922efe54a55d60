using AnToan.Knowledge.Model;

namespace AnToan.Knowledge;

/// <summary>Holds the content in service; a reload swaps in a new snapshot only when it loaded cleanly.</summary>
public sealed class KnowledgeStore(string root)
{
    private KnowledgeContent _current = KnowledgeContent.Load(root);

    public string Root { get; } = root;

    public KnowledgeContent Current => Volatile.Read(ref _current);

    /// <summary>Loads the content again. On a <see cref="ContentException"/> the previous content stays in service.</summary>
    public KnowledgeContent Reload()
    {
        var next = KnowledgeContent.Load(Root);
        Volatile.Write(ref _current, next);
        return next;
    }
}
