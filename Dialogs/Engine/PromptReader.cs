using AnToan.Dialogs.Recognizers;
using AnToan.Knowledge;

namespace AnToan.Dialogs.Engine;

/// <summary>Reads a reply as the answer to the waiting question, or says it is not one.</summary>
public sealed class PromptReader(AnswerRecognizer recognizer, KnowledgeStore knowledge)
{
    private DialogWords words => knowledge.Current.Part<DialogWords>();

    /// <returns>true with the answer (null when an optional question was skipped), false when the reply is no valid answer.</returns>
    public bool TryRead(PromptState prompt, string text, out object? answer)
    {
        answer = null;
        text = text.Trim();
        if (text.Length == 0) return false;
        if (prompt.Optional && words.IsSkip(text)) return true;
        answer = prompt.Kind switch
        {
            PromptKind.Choice => ReadChoice(prompt, text),
            PromptKind.YesNo => recognizer.YesNo(text),
            PromptKind.Number => recognizer.Number(text) is { } n && n >= prompt.Min && n <= prompt.Max ? n : null,
            PromptKind.Date => recognizer.Date(text),
            PromptKind.Text => text.Length <= prompt.MaxLength ? text : null,
            PromptKind.Code => AnswerRecognizer.Code(text),
            _ => null,
        };
        return answer is not null;
    }

    private object? ReadChoice(PromptState prompt, string text)
    {
        var question = words.LooksLikeQuestion(text);
        if (recognizer.Choice(text, prompt.Choices, inSentence: false) is { } exact) return exact.Value;
        if (prompt.Details && !question && recognizer.LeadingChoice(text, prompt.Choices) is { Details.Length: > 0 } lead)
            // "đã làm 31/12/9999": a date that cannot be read is asked again, not saved as a note or as another day.
            return recognizer.HasUnreadDate(lead.Details) ? null : recognizer.Details(lead.Option.Value, lead.Details);
        return recognizer.Choice(text, prompt.Choices, inSentence: !question)?.Value;
    }

    /// <summary>The message says yes ("có", "ok"), as a whole.</summary>
    public bool IsYes(string text) => recognizer.YesNo(text) == true && !words.LooksLikeQuestion(text);

    /// <summary>The buttons that go with a question: its choices, yes/no, "hôm nay" for a date, "bỏ qua" when optional.</summary>
    public IEnumerable<(string Title, string Value)> Buttons(PromptState prompt)
    {
        var buttons = prompt.Kind switch
        {
            PromptKind.Choice => prompt.Choices.Select(c => (c.Label, c.Label)).ToList(),
            PromptKind.YesNo => [(words.Button(DialogButtons.Yes), words.Button(DialogButtons.Yes)), (words.Button(DialogButtons.No), words.Button(DialogButtons.No))],
            PromptKind.Date => [(words.Button(DialogButtons.Today), words.Button(DialogButtons.Today))],
            PromptKind.Code => [(words.Button(DialogButtons.Cancel), words.Button(DialogButtons.Cancel))],
            _ => new List<(string, string)>(),
        };
        if (prompt.Optional) buttons.Add((words.Button(DialogButtons.Skip), words.Button(DialogButtons.Skip)));
        return buttons;
    }
}
