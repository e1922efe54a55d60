using System.Text.Json;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;

namespace AnToan.Bot.Content;

/// <summary>Reads content versions stored by an earlier release whose files this release reads in another format.</summary>
/// <remarks>A version is stored as it was published, and a release that changes a file's format must still serve the
/// version in service after the upgrade (otherwise the host would refuse to start on it). Each change of format adds
/// its case here; a file that cannot be carried over is taken from the shipped content, and the caller logs that.
/// <list type="bullet">
/// <item>vietnamese.json before the one word list (release of 12/2026): no <c>matcher</c> section — the matcher's words
/// were built into the code, and the recognisers' words sat at the top of the file. Taken from the shipped content:
/// its words are the bot's vocabulary, not guidance that officers publish.</item>
/// </list></remarks>
public static class ContentUpgrade
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <returns>The files as this release reads them, and the names of those taken from the shipped folder (where a
    /// stored version's templates are read from, <see cref="ContentFiles.TemplatesRoot"/>).</returns>
    public static (ContentFiles Files, IReadOnlyList<string> Replaced) Apply(ContentFiles stored)
    {
        if (!stored.Json.TryGetValue(Vocabulary.File, out var vocabulary) || HasProperty(vocabulary, "matcher")) return (stored, []);
        return (stored.With(Vocabulary.File, File.ReadAllText(Path.Combine(stored.TemplatesRoot, Vocabulary.File))), [Vocabulary.File]);
    }

    private static bool HasProperty(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return document.RootElement.ValueKind != JsonValueKind.Object || document.RootElement.TryGetProperty(name, out _);
        }
        catch (JsonException)
        {
            return true; // broken, not old: the load names the file and the fault
        }
    }
}
