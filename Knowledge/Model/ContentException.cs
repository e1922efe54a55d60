namespace AnToan.Knowledge.Model;

/// <summary>Content that cannot be served: names the file, the line when known, and the reason.</summary>
public sealed class ContentException(string file, long? line, string reason, Exception? inner = null)
    : Exception($"{file}{(line is null ? "" : $":{line}")}: {reason}", inner)
{
    public string File { get; } = file;
    public long? Line { get; } = line;
    public string Reason { get; } = reason;
}
