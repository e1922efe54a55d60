using System.Reflection;

namespace AnToan.Knowledge.Model;

/// <summary>The names one layer's code uses from the content: templates, intents and the words of a file of its own
/// (the buttons of dialogs.json). Checked with every snapshot, so a renamed template or a removed intent stops the
/// host at start-up and fails a reload or a publish instead of breaking a flow in the middle of a conversation.</summary>
/// <remarks>The other direction needs every layer at once (a name is used when any layer uses it), so it is checked
/// by <see cref="CheckAll"/>, which the host registers with all of them.</remarks>
/// <param name="Layer">Who uses the names, for the message ("Dialogs").</param>
/// <param name="Templates">Templates of Content/templates the code renders by name.</param>
/// <param name="Intents">Intent ids of intents.json the code routes or tests by id.</param>
/// <param name="Words">Names of a file of the layer's own: the names the file defines, those the code uses (by name,
/// or every one of a list the code handles alike) and those the file declares optional.</param>
/// <param name="Replies">Intents the code answers with a template named after them (small talk): each pair is used
/// when the content has both, and neither is required.</param>
public sealed record CodeNames(
    string Layer,
    IReadOnlyCollection<string> Templates,
    IReadOnlyCollection<string> Intents,
    Func<KnowledgeContent, FileNames>? Words = null,
    Func<KnowledgeContent, IEnumerable<(string Intent, string Template)>>? Replies = null)
{
    /// <summary>The check, loaded with every snapshot after the knowledge is validated.</summary>
    public ContentPart Part => ContentPart.Check(Check);

    /// <exception cref="ContentException">Names the file and the first name the code uses that it lacks.</exception>
    public void Check(KnowledgeContent content) => Check(content, Words?.Invoke(content));

    private void Check(KnowledgeContent content, FileNames? words)
    {
        foreach (var name in Templates)
            if (!content.Templates.Has(name))
                throw new ContentException($"templates/{name}.sbn", null, $"template '{name}' used by {Layer} is missing");
        var intents = content.Intents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in Intents)
            if (!intents.Contains(id))
                throw new ContentException("intents.json", null, $"intent '{id}' used by {Layer} is missing");
        if (words is null) return;
        foreach (var name in words.Used)
            if (!words.Defined.Contains(name))
                throw new ContentException(words.File, null, $"'{name}' used by {Layer} is missing");
    }

    /// <summary>Both directions for the code of every layer: each layer's names exist (<see cref="Check"/>), and every
    /// template, intent and word the content defines is used by one of them or declared optional.</summary>
    public static ContentPart CheckAll(params IReadOnlyList<CodeNames> layers) => ContentPart.Check(content =>
    {
        var words = layers.Select(l => l.Words?.Invoke(content)).ToList();
        for (var i = 0; i < layers.Count; i++) layers[i].Check(content, words[i]);
        CheckUsed(content, layers, words.OfType<FileNames>());
    });

    /// <exception cref="ContentException">Names the file and the names in it that nothing uses.</exception>
    private static void CheckUsed(KnowledgeContent content, IReadOnlyList<CodeNames> layers, IEnumerable<FileNames> files)
    {
        var ids = content.Intents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var replies = layers.SelectMany(l => l.Replies?.Invoke(content) ?? [])
            .Where(r => ids.Contains(r.Intent) && content.Templates.Has(r.Template)).ToList();
        var templates = layers.SelectMany(l => l.Templates).Concat(replies.Select(r => r.Template)).ToHashSet(StringComparer.Ordinal);
        var intents = layers.SelectMany(l => l.Intents).Concat(replies.Select(r => r.Intent)).ToHashSet(StringComparer.Ordinal);

        foreach (var name in content.Templates.Names.Order(StringComparer.Ordinal))
            if (!templates.Contains(name) && !content.Templates.IsOptional(name))
                throw Unused($"templates/{name}.sbn", [name], $"with the first line {TemplateSet.OptionalMark} why }}}}");
        Throw("intents.json", content.Intents.Where(i => !intents.Contains(i.Id) && !i.Optional).Select(i => i.Id).ToList(),
            "with \"optional\": true on the intent");
        foreach (var words in files)
        {
            Throw(words.File, words.Defined.Where(n => !words.Used.Contains(n) && !words.Optional.Contains(n)).Order(StringComparer.Ordinal).ToList(),
                "in the file's \"optional\" list");
            if (words.Optional.FirstOrDefault(n => !words.Defined.Contains(n)) is { } stale)
                throw new ContentException(words.File, null, $"'{stale}' is declared optional but not defined");
        }

        static void Throw(string file, IReadOnlyList<string> unused, string how)
        {
            if (unused.Count > 0) throw Unused(file, unused, how);
        }
    }

    private static ContentException Unused(string file, IReadOnlyList<string> names, string how) =>
        new(file, null, $"not used by the code: {string.Join(", ", names.Select(n => $"'{n}'"))}; remove what is not needed, or declare it optional {how}");

    /// <summary>The string constants of <paramref name="type"/> (a static class of names), so a constant declared
    /// there is checked without being listed a second time.</summary>
    public static IReadOnlyList<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
}

/// <summary>The names of one file of a layer (see <see cref="CodeNames.Words"/>), e.g. "buttons.today".</summary>
/// <param name="File">The file, for the message ("dialogs.json").</param>
/// <param name="Defined">What the file defines.</param>
/// <param name="Used">What the code uses: each must be defined.</param>
/// <param name="Optional">What the file declares optional: defined, and not required to be used.</param>
public sealed record FileNames(string File, IReadOnlySet<string> Defined, IReadOnlyCollection<string> Used, IReadOnlyCollection<string> Optional);
