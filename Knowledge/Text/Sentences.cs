using System.Text.RegularExpressions;

namespace AnToan.Knowledge.Text;

/// <summary>Splits text into sentences, and a long sentence into its clauses (after ";"), keeping the punctuation.</summary>
public static partial class Sentences
{
    public static IReadOnlyList<string> Split(string text) =>
        Boundary().Split(text.Trim()).Where(s => s.Length > 0).ToList();

    [GeneratedRegex(@"(?<=[.!?…;])\s+")]
    private static partial Regex Boundary();
}
