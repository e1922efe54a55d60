using System.Runtime.CompilerServices;
using AnToan.Knowledge.Model;

namespace AnToan.Knowledge.Search;

/// <summary>The index of the content in service: built on first use of each snapshot, so a
/// <see cref="KnowledgeStore.Reload"/> is followed by a fresh index and searches in flight finish on the old one.</summary>
public sealed class KnowledgeSearch(KnowledgeStore store)
{
    private readonly ConditionalWeakTable<KnowledgeContent, Lazy<KnowledgeIndex>> _indexes = new();

    public KnowledgeIndex Index => For(store.Current);

    public KnowledgeIndex For(KnowledgeContent content) =>
        _indexes.GetValue(content, c => new Lazy<KnowledgeIndex>(() => KnowledgeIndex.Build(c))).Value;
}
