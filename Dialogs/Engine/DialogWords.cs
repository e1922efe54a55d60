using AnToan.Dialogs.Recognizers;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;

namespace AnToan.Dialogs.Engine;

/// <summary>The words of the step dialogs (Knowledge/Content/dialogs.json): button labels, choices and their synonyms.</summary>
public sealed class DialogWords
{
    public required Dictionary<string, string> Buttons { get; init; }
    public required List<string> Skip { get; init; }
    public required List<string> QuestionWords { get; init; }
    public required List<string> Join { get; init; }
    public required ChoiceOption Guide { get; init; }
    public required List<ChoiceOption> ChecklistStatus { get; init; }
    public required List<ChoiceOption> AssessmentRating { get; init; }
    public required List<ChoiceOption> UnitTypes { get; init; }

    /// <summary>Who answered, when the channel gave no name ("một thành viên").</summary>
    public required string UnnamedMember { get; init; }

    /// <summary>Buttons and choice values kept although no code uses them ("buttons.help"), see <see cref="DialogNames"/>.</summary>
    public List<string> Optional { get; init; } = [];

    public string Shown(Units.UnitAnswer answer) => Units.MemberKey.Shown(answer.AnsweredBy, answer.AnsweredByName, UnnamedMember);

    public string Button(string key) => Buttons.TryGetValue(key, out var label) ? label : key;

    /// <summary>The label of a stored choice value, e.g. "done" → "Đã làm".</summary>
    public static string Label(IEnumerable<ChoiceOption> options, string? value) =>
        options.FirstOrDefault(o => o.Value == value)?.Label ?? value ?? "";

    public bool IsSkip(string text) => Skip.Select(VietnameseText.Fold).Contains(VietnameseText.Fold(text));

    /// <summary>Holds a question word as whole words ("khi nào", "bao nhiêu") or ends with a question mark.</summary>
    public bool LooksLikeQuestion(string text)
    {
        if (text.TrimEnd().EndsWith('?')) return true;
        var padded = $" {VietnameseText.Fold(text)} ";
        return QuestionWords.Any(w => padded.Contains($" {VietnameseText.Fold(w)} ", StringComparison.Ordinal));
    }

    /// <summary>dialogs.json, loaded and checked with the knowledge content (<c>content.Part&lt;DialogWords&gt;()</c>).</summary>
    public static ContentPart Part { get; } = ContentPart.Json<DialogWords>("dialogs.json");
}
