using System.Reflection;

namespace AnToan.Knowledge.Model;

/// <summary>The names one layer's code uses from the content: templates, intents and the words of a file of its own
/// (the buttons of dialogs.json). Checked with every snapshot, so a renamed template or a removed intent stops the
/// host at start-up and fails a reload or a publish instead of breaking a flow in the middle of a conversation.</summary>
/// <param name="Layer">Who uses the names, for the message ("Dialogs").</param>
/// <param name="Templates">Templates of Content/templates the code renders by name.</param>
/// <param name="Intents">Intent ids of intents.json the code routes or tests by id.</param>
/// <param name="Words">Further names the layer checks in its own files: the file, and the names it must define.</param>
public sealed record CodeNames(
    string Layer,
    IReadOnlyCollection<string> Templates,
    IReadOnlyCollection<string> Intents,
    Func<KnowledgeContent, (string File, IReadOnlyCollection<string> Defined, IReadOnlyCollection<string> Used)>? Words = null)
{
    /// <summary>The check, loaded with every snapshot after the knowledge is validated.</summary>
    public ContentPart Part => ContentPart.Check(Check);

    /// <exception cref="ContentException">Names the file and the first name the code uses that it lacks.</exception>
    public void Check(KnowledgeContent content)
    {
        foreach (var name in Templates)
            if (!content.Templates.Has(name))
                throw new ContentException($"templates/{name}.sbn", null, $"template '{name}' used by {Layer} is missing");
        var intents = content.Intents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in Intents)
            if (!intents.Contains(id))
                throw new ContentException("intents.json", null, $"intent '{id}' used by {Layer} is missing");
        if (Words?.Invoke(content) is not var (file, defined, used)) return;
        foreach (var name in used)
            if (!defined.Contains(name))
                throw new ContentException(file, null, $"'{name}' used by {Layer} is missing");
    }

    /// <summary>The string constants of <paramref name="type"/> (a static class of names), so a constant declared
    /// there is checked without being listed a second time.</summary>
    public static IReadOnlyList<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
}
