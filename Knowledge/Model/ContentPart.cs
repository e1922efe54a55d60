namespace AnToan.Knowledge.Model;

/// <summary>A content file that Dialogs or Bot read in a shape of their own (dialogs.json, report.json...).</summary>
/// <remarks>Knowledge cannot know those types, so the layer that owns one hands its loader to the
/// <see cref="KnowledgeStore"/>: the file is then read and checked with the rest of the snapshot, a broken one stops
/// the host at start-up or fails a reload like any other file, and a reload puts its new version into service.</remarks>
public sealed class ContentPart
{
    private ContentPart(Type? type, Func<KnowledgeContent, object> load) => (Type, Load) = (type, load);

    /// <summary>The type the part is read as; null for a check that reads nothing of its own.</summary>
    internal Type? Type { get; }

    /// <summary>Reads the part beside the validated knowledge (its root, its templates for the inline ones);
    /// throws <see cref="ContentException"/> when it is broken.</summary>
    internal Func<KnowledgeContent, object> Load { get; }

    public static ContentPart Of<T>(Func<KnowledgeContent, T> load) where T : class => new(typeof(T), content => load(content));

    /// <summary>A check of the snapshot that keeps nothing (see <see cref="CodeNames"/>): throws <see cref="ContentException"/>
    /// to fail the load.</summary>
    public static ContentPart Check(Action<KnowledgeContent> check) => new(null, content => { check(content); return content; });

    /// <summary>A part read straight from one JSON file of the content root.</summary>
    public static ContentPart Json<T>(string file) where T : class => Of(content => ContentJson.Read<T>(content.Files, file));
}
