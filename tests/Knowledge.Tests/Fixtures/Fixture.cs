using System.Text.Json;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Fixtures;

/// <summary>Small hand-made glossary, documents and corpus, independent of the real content; the Vietnamese words are
/// the shipped ones (vietnamese.json).</summary>
public static class Fixture
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Dir => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static T Read<T>(string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(Dir, name)), Json)!;

    /// <summary>The matcher's words of the shipped vietnamese.json.</summary>
    public static Lexicon Lexicon { get; } =
        Lexicon.Of(Vocabulary.Read(ContentFiles.FromFolder(Path.Combine(AppContext.BaseDirectory, "Content"))));

    public static TextAnalyzer Analyzer { get; } = new(
        Lexicon,
        Read<List<GlossaryEntry>>("glossary.json"),
        Read<List<DocumentInfo>>("documents.json"),
        File.ReadAllLines(Path.Combine(Dir, "corpus.txt")));

    /// <summary>Rows of a tab-separated file beside the tests; lines starting with # are comments.</summary>
    public static IEnumerable<string[]> Rows(string relativePath) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, relativePath))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));
}
