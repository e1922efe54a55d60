using Newtonsoft.Json;

namespace AnToan.Dialogs;

/// <summary>The value of the "KnowledgeAnswer" trace (README, Channels; kept as a contract for the Emulator and quality tools): how a question was matched, for measuring quality.</summary>
public sealed record KnowledgeTrace(
    [property: JsonProperty("query")] string Query,
    [property: JsonProperty("answered")] bool Answered,
    [property: JsonProperty("answerId")] string? AnswerId,
    [property: JsonProperty("score")] double Score,
    [property: JsonProperty("candidates")] IReadOnlyList<TraceCandidate> Candidates)
{
    public const string Name = "KnowledgeAnswer";
    public const string ValueType = "antoan/knowledge-answer";
}

public sealed record TraceCandidate(
    [property: JsonProperty("id")] string Id,
    [property: JsonProperty("score")] double Score);
