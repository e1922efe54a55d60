namespace AnToan.Bot.Tests.Quality;

/// <summary>A question set (id, question, expected alternatives separated by "|", or "-" for "must decline").</summary>
public sealed record EvalQuestion(string Id, string Question, IReadOnlyList<string> Expected)
{
    public bool InScope => Expected.Count > 0;

    public static IReadOnlyList<EvalQuestion> Load(string path) =>
        File.ReadAllLines(path)
            .Skip(1)
            .Select(l => l.Split('\t'))
            .Where(c => c.Length >= 3 && c[0].Length > 0)
            .Select(c => new EvalQuestion(c[0], c[1], c[2].Trim() == "-" ? [] : c[2].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    /// <summary>The repository root: the folder holding AnToan.Bot.sln, found by walking up from the test binary.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AnToan.Bot.sln"))) return dir.FullName;
        throw new InvalidOperationException("AnToan.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
