using AnToan.Knowledge;
using AnToan.Knowledge.Model;

namespace AnToan.Bot.Admin;

/// <summary>Puts the content files on disk into service, or leaves the content in service when they are broken.</summary>
/// <remarks>admin.json is read first: it is not part of the knowledge snapshot, so it must be checked before the swap.</remarks>
public sealed class ContentReload(KnowledgeStore knowledge)
{
    /// <exception cref="ContentException">A file is broken; nothing changed.</exception>
    public KnowledgeContent Run()
    {
        AdminWording.Read(Path.Combine(knowledge.Root, AdminWording.File));
        return knowledge.Reload();
    }
}
