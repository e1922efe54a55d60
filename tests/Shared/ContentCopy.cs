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
}
