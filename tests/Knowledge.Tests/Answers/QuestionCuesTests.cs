using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Tests.Fixtures;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Answers;

public sealed class QuestionCuesTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var r in Fixture.Rows("Answers/cue-cases.tsv")) data.Add(r[0], r[1], r[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detect_FindsTheKindOfAnswerAskedFor(string question, string type, string countdown)
    {
        var cues = QuestionCues.Detect(Fixture.Analyzer.Analyze(question).Words, Fixture.Lexicon);
        Assert.Equal(type == "-" ? null : type, cues.Type);
        Assert.Equal(countdown == "yes", cues.Countdown);
        Assert.Equal(cues.Type is not null, cues.Positions.Count > 0);
    }
}
