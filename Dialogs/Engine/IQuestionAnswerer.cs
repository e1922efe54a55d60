namespace AnToan.Dialogs.Engine;

/// <summary>Tells the dialog engine whether a message that is no answer to the waiting question would be served
/// outside the dialog: a command, small talk or a confident answer from the knowledge.</summary>
public interface IQuestionAnswerer
{
    bool Serves(string text);
}
