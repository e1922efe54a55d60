using System.Text.Json.Nodes;
using AnToan.Knowledge.Tests.Fixtures;

namespace AnToan.Knowledge.Tests.Search;

public sealed class KnowledgeSearchTests
{
    [Fact]
    public void Reload_BuildsANewIndexForTheNewSnapshot()
    {
        var root = Directory.CreateTempSubdirectory("antoan-content-").FullName;
        try
        {
            CopyDirectory(FixtureContent.Root, root);
            var store = new KnowledgeStore(root);
            var sut = new Knowledge.Search.KnowledgeSearch(store);
            var before = sut.Index;
            Assert.Same(before, sut.Index);

            var passages = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "passages.json")))!.AsArray();
            var copy = passages[0]!.DeepClone();
            copy["id"] = "p-copy";
            copy["related"] = new JsonArray();
            passages.Add(copy);
            File.WriteAllText(Path.Combine(root, "passages.json"), passages.ToJsonString());
            store.Reload();

            Assert.NotSame(before, sut.Index);
            Assert.Equal(before.Entries.Count + 1, sut.Index.Entries.Count);
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void Search_IsSafeToRunConcurrently()
    {
        var index = FixtureContent.Search.Index;
        var questions = Fixture.Rows("Answers/matcher-cases.tsv").Select(r => r[0]).ToList();
        var expected = questions.Select(q => string.Join(' ', index.Search(q).Candidates.Select(c => c.Entry.Key))).ToList();
        var results = new string[questions.Count * 50];
        Parallel.For(0, results.Length, i =>
            results[i] = string.Join(' ', index.Search(questions[i % questions.Count]).Candidates.Select(c => c.Entry.Key)));
        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % questions.Count], results[i]);
    }

    [Fact]
    public void Match_OfAParaphrase_AnswersWithItsPassageOrOneOfItsFacts()
    {
        var content = FixtureContent.Store.Current;
        foreach (var passage in content.Passages)
            foreach (var paraphrase in passage.Paraphrases ?? [])
            {
                var match = FixtureContent.Matcher.Match(paraphrase, new DateOnly(2021, 11, 20));
                var own = content.Facts.Where(f => f.Passage == passage.Id).Select(f => "fact:" + f.Id).Append("passage:" + passage.Id);
                Assert.True(match.Answered, paraphrase);
                Assert.Contains(match.Best!.Key, own);
            }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to));
    }
}
