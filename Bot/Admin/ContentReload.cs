using AnToan.Knowledge;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;

namespace AnToan.Bot.Admin;

/// <summary>Puts the content files on disk into service, or leaves the content in service when they are broken.</summary>
/// <remarks>The files of Dialogs and Bot (dialogs.json, admin.json...) are parts of the snapshot and checked with it.
/// The search index of the new snapshot is built here rather than by the first question after the reload, so that
/// nobody waits for it and the reply can say how many entries are searchable.</remarks>
public sealed class ContentReload(KnowledgeStore knowledge, KnowledgeSearch search)
{
    /// <exception cref="ContentException">A file is broken; nothing changed.</exception>
    public (KnowledgeContent Content, int IndexEntries) Run()
    {
        var content = knowledge.Reload();
        return (content, search.For(content).Entries.Count);
    }
}
