using AnToan.Knowledge;
using AnToan.Tests;

namespace AnToan.Knowledge.Tests.Calendar;

/// <summary>A copy of the shipped content with calendar.json replaced, so calendar arithmetic is tested on
/// entries written for the test rather than on whatever the content holds this year.</summary>
public sealed class TestContent : IDisposable
{
    private readonly string _root;

    private TestContent(string root)
    {
        _root = root;
        Store = new KnowledgeStore(root);
    }

    public KnowledgeStore Store { get; }

    public static TestContent WithCalendar(string calendarJson)
    {
        var root = ContentCopy.Create();
        File.WriteAllText(Path.Combine(root, "calendar.json"), calendarJson);
        return new TestContent(root);
    }

    public void Dispose() => Directory.Delete(_root, true);
}
