namespace AnToan.Knowledge.Model;

/// <summary>The JSON files of one version of the content, by file name ("passages.json"), and the folder its templates
/// are read from.</summary>
/// <remarks>The files are what a content version stores (Bot/Content); templates stay files beside the binary. Nothing
/// here is parsed: <see cref="KnowledgeContent.Load(ContentFiles, IEnumerable{ContentPart}?)"/> reads and checks them.</remarks>
public sealed class ContentFiles(IReadOnlyDictionary<string, string> json, string templatesRoot)
{
    public IReadOnlyDictionary<string, string> Json { get; } = json;

    /// <summary>The content folder whose templates/ folder holds the Scriban templates.</summary>
    public string TemplatesRoot { get; } = templatesRoot;

    /// <summary>Every *.json of <paramref name="root"/>, with the templates beside them.</summary>
    public static ContentFiles FromFolder(string root)
    {
        if (!Directory.Exists(root)) throw new ContentException(root, null, "content folder not found");
        var json = Directory.EnumerateFiles(root, "*.json")
            .ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        return new ContentFiles(json, root);
    }

    /// <summary>The same files with <paramref name="file"/> replaced.</summary>
    public ContentFiles With(string file, string text) =>
        new(new Dictionary<string, string>(Json, StringComparer.Ordinal) { [file] = text }, TemplatesRoot);

    /// <summary>True when both hold the same JSON files with the same text.</summary>
    public bool SameJson(ContentFiles other) =>
        Json.Count == other.Json.Count && Json.All(f => other.Json.TryGetValue(f.Key, out var text) && text == f.Value);
}
