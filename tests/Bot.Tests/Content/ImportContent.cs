using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AnToan.Bot.Admin;
using AnToan.Bot.Content;
using AnToan.Bot.Reports;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Recognizers;
using AnToan.Knowledge.Model;
using AnToan.Tests;

namespace AnToan.Bot.Tests.Content;

/// <summary>Content folders for import tests: the shipped content with its parts, and a copy with a draft added to its
/// files, loaded by the real loader and validator.</summary>
public static class ImportContent
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>The content of <paramref name="root"/> with every part the host loads.</summary>
    public static KnowledgeContent Load(string root) =>
        KnowledgeContent.Load(root, [DialogWords.Part, VietnameseVocabulary.Part, ReportWording.Part, AdminWording.Part, ImportWording.Part]);

    /// <summary>A copy of the shipped content with the draft's document, passages, facts, checklist and calendar appended.</summary>
    /// <returns>The folder; the caller deletes it.</returns>
    public static string AddToCopy(ImportedGuidance draft)
    {
        var root = ContentCopy.Create();
        Append(root, "documents.json", [draft.Document]);
        Append(root, "passages.json", draft.Passages);
        Append(root, "facts.json", draft.Facts);
        Append(root, "checklist.json", draft.Checklist);
        Append(root, "calendar.json", draft.Calendar);
        return root;
    }

    private static void Append<T>(string root, string file, IEnumerable<T> items)
    {
        var path = Path.Combine(root, file);
        var array = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsArray();
        foreach (var item in items) array.Add(JsonSerializer.SerializeToNode(item, Json));
        File.WriteAllText(path, array.ToJsonString(Json));
    }
}
