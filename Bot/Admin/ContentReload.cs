using AnToan.Bot.Content;
using AnToan.Knowledge;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;

namespace AnToan.Bot.Admin;

/// <summary>Puts the content files on disk into service as a new content version, or leaves the content in service when
/// they are broken.</summary>
/// <remarks>The files of Dialogs and Bot (dialogs.json, admin.json...) are parts of the snapshot and checked with it.
/// The reply says how many entries are searchable, so the index is built before it (by the publish).</remarks>
public sealed class ContentReload(ContentVersions versions, KnowledgeStore knowledge, KnowledgeSearch search)
{
    /// <exception cref="ContentException">A file is broken; nothing changed.</exception>
    public (KnowledgeContent Content, int IndexEntries, ContentChange Change) Run(string who)
    {
        var (change, _) = versions.PublishFolder(who);
        var content = knowledge.Current;
        return (content, search.For(content).Entries.Count, change);
    }
}
