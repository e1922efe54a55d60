using AnToan.Knowledge.Model;

namespace AnToan.Knowledge.Bench;

/// <summary>The real content, and a generated corpus of 10,000 passages made from its own syllables.</summary>
public static class Corpora
{
    public static string ContentRoot => Path.Combine(AppContext.BaseDirectory, "Content");

    public static KnowledgeContent Real { get; } = KnowledgeContent.Load(ContentRoot);

    /// <summary>Questions to time: the content's own evaluation questions when found, else its paraphrases.</summary>
    public static IReadOnlyList<string> Questions { get; } = LoadQuestions();

    /// <summary>The real content plus <paramref name="count"/> passages whose titles, texts and paraphrases are
    /// random runs of the real passages' words (fixed seed), so term statistics resemble the real ones.</summary>
    public static KnowledgeContent Generated(int count)
    {
        var random = new Random(20211201);
        var words = Real.Passages.SelectMany(p => p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        string Run(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => words[random.Next(words.Length)]));
        var source = Real.Passages[0].Source;
        var passages = Enumerable.Range(0, count)
            .Select(i => new Passage($"gen-{i}", Run(4, 10), Run(40, 120), source, [Run(5, 12), Run(5, 12), Run(5, 12)], [Run(1, 3)]))
            .Concat(Real.Passages)
            .ToList();
        return new KnowledgeContent
        {
            Files = Real.Files,
            Documents = Real.Documents,
            Passages = passages,
            Facts = Real.Facts,
            Glossary = Real.Glossary,
            Calendar = Real.Calendar,
            Intents = Real.Intents,
            Checklist = Real.Checklist,
            Criteria = Real.Criteria,
            Ui = Real.Ui,
            Templates = Real.Templates,
            Vocabulary = Real.Vocabulary,
        };
    }

    private static IReadOnlyList<string> LoadQuestions()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var own = Path.Combine(dir.FullName, "tests", "Knowledge.Tests", "eval", "qa-own.tsv");
            if (File.Exists(own))
                return File.ReadAllLines(own).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length >= 3).Select(c => c[1]).ToList();
        }
        return Real.Passages.SelectMany(p => p.Paraphrases ?? []).ToList();
    }
}
