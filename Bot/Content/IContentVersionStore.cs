using AnToan.Knowledge.Model;

namespace AnToan.Bot.Content;

/// <summary>Every version of the content's JSON files, and which one is in service: <see cref="LiteContentVersionStore"/>
/// (LiteDB) or <see cref="Storage.Postgres.PostgresContentVersionStore"/> (shared by every instance).</summary>
/// <remarks>Versions are insert-only; "current" changes by compare-and-set: of two publishes (or a publish and a
/// restore) started from the same version, one wins and the other is told so.</remarks>
public interface IContentVersionStore
{
    /// <summary>The version in service; null before the first start seeded version 1.</summary>
    int? Current();

    /// <summary>Every version, oldest first.</summary>
    IReadOnlyList<ContentVersion> List();

    ContentVersion? Get(int version);

    /// <summary>The JSON files of a version, with the templates of <paramref name="templatesRoot"/>.</summary>
    ContentFiles? Files(int version, string templatesRoot);

    /// <summary>Stores <paramref name="files"/> as version 1 and puts it in service, unless there are versions already.</summary>
    /// <returns>True when it seeded.</returns>
    bool Seed(ContentFiles files, ContentVersion info);

    /// <summary>Stores <paramref name="files"/> as the next version and puts it in service, if the version in service
    /// is still <paramref name="expectedCurrent"/>.</summary>
    /// <returns>The new version's number, or null when another change came first.</returns>
    int? Publish(ContentFiles files, ContentVersion info, int expectedCurrent);

    /// <summary>Puts an existing version back in service, if the version in service is still <paramref name="expectedCurrent"/>.</summary>
    bool Restore(int version, int expectedCurrent);
}
