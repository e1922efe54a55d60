namespace AnToan.Tests;

/// <summary>A copy of the shipped Knowledge/Content in a temporary folder, for tests that change or break it.</summary>
/// <remarks>Linked into each test project that needs it (tests/Shared).</remarks>
public static class ContentCopy
{
    /// <returns>The folder; the caller deletes it.</returns>
    public static string Create()
    {
        var root = Directory.CreateTempSubdirectory("antoan-content-").FullName;
        var shipped = Path.Combine(AppContext.BaseDirectory, "Content");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }

    /// <summary>Replaces <paramref name="from"/>, which <paramref name="file"/> of the copy must contain, by <paramref name="to"/>.</summary>
    public static void Replace(string root, string file, string from, string to)
    {
        var path = Path.Combine(root, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Adds an intent (its JSON) at the end of intents.json of the copy.</summary>
    public static void AddIntent(string root, string json)
    {
        var path = Path.Combine(root, "intents.json");
        var text = File.ReadAllText(path);
        var end = text.LastIndexOf(']');
        File.WriteAllText(path, text[..end].TrimEnd() + ",\n  " + json + "\n]\n");
    }
}
