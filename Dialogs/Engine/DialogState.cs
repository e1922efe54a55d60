using AnToan.Dialogs.Recognizers;

namespace AnToan.Dialogs.Engine;

// What the engine keeps in ConversationState between turns. Plain mutable classes: the SDK's storage serialises
// them with Newtonsoft. Every frame carries its dialog's version, so a deployment that changes the steps ends
// conversations in progress politely instead of failing with "a dialog with id ... could not be found".

/// <summary>The dialogs of one conversation.</summary>
public sealed class DialogState
{
    /// <summary>Active dialogs, the innermost last.</summary>
    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>A stack put aside by "tạm dừng"; "tiếp tục" brings it back.</summary>
    public List<DialogFrame>? Paused { get; set; }

    /// <summary>The id of the person who started (or resumed) the active dialogs: in a group conversation only they
    /// answer its questions. Null in state saved before owners were recorded: anyone answers, as then.</summary>
    public string? Owner { get; set; }

    /// <summary>This turn's message was no answer but a command or question, served outside the dialog, which was
    /// put aside in <see cref="Paused"/>.</summary>
    public bool Interrupted { get; set; }

    /// <summary>The button of "Quay lại việc 3/16?", offered after an interruption while the dialog waits aside.</summary>
    public string? Offer { get; set; }
}

/// <summary>One running dialog: which step runs next, its values and the question it is waiting on.</summary>
public sealed class DialogFrame
{
    public string Id { get; set; } = "";
    public int Version { get; set; }
    public int Step { get; set; }
    public Dictionary<string, string> Values { get; set; } = [];
    public PromptState? Prompt { get; set; }

    /// <summary>Where the dialog is, for "Quay lại việc 3/16?" ("việc 3/16"); empty before its first item.</summary>
    public string? Place { get; set; }

    /// <summary>The question that started the current item: "quay lại" from a later question returns here.</summary>
    public Checkpoint? ItemStart { get; set; }
}

public sealed class Checkpoint
{
    public int Step { get; set; }
    public Dictionary<string, string> Values { get; set; } = [];
}

/// <summary>The question being waited on, as it was sent, so that it can be repeated, explained and validated.</summary>
public sealed class PromptState
{
    public PromptKind Kind { get; set; }
    public string Text { get; set; } = "";
    public string HelpText { get; set; } = "";
    public List<ChoiceOption> Choices { get; set; } = [];
    public bool Optional { get; set; }
    public int MaxLength { get; set; }
    public long Min { get; set; }
    public long Max { get; set; }
    public bool Checkpoint { get; set; }
    public bool Details { get; set; }
    public int Attempts { get; set; }
}

public enum PromptKind { Choice, YesNo, Number, Date, Text, Code }
