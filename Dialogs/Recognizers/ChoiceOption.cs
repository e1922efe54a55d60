namespace AnToan.Dialogs.Recognizers;

/// <summary>One answer of a choice: the value the dialog stores, the button label, and other ways people type it.</summary>
/// <remarks>Mutable with a parameterless constructor: it is saved inside the dialog state by the SDK's Newtonsoft storage.</remarks>
public sealed class ChoiceOption
{
    public string Value { get; set; } = "";
    public string Label { get; set; } = "";
    public List<string> Synonyms { get; set; } = [];

    /// <summary>Taken only when the message is one of its phrases: a button's words inside a sentence ("ai ban hành
    /// hướng dẫn 413" at "Xem hướng dẫn") ask something else.</summary>
    public bool WholeMessage { get; set; }
}
