namespace AnToan.Dialogs.Engine;

/// <summary>The stored state of a conversation cannot go on (a dialog that loops, a frame waiting for an answer it
/// never asked for): the turn error handler clears the conversation's state for this exception, and for state that
/// cannot be read, but keeps it for every other failure.</summary>
public sealed class BrokenStateException(string message) : InvalidOperationException(message);
