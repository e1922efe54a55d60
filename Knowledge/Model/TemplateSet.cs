using System.Collections.Concurrent;
using System.Reflection;
using Scriban;
using Scriban.Runtime;

namespace AnToan.Knowledge.Model;

/// <summary>The Scriban templates of Content/templates, parsed once at load.</summary>
/// <remarks>Only files written by the content's authors are ever parsed as templates; user text reaches a
/// template as a value of its model, never as template source.</remarks>
public sealed class TemplateSet
{
    private readonly IReadOnlyDictionary<string, Template> _templates;
    private readonly IReadOnlySet<string> _optional;
    private readonly ConcurrentDictionary<string, Template> _inline = new();

    private TemplateSet(IReadOnlyDictionary<string, Template> templates, IReadOnlySet<string> optional) =>
        (_templates, _optional) = (templates, optional);

    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>How a template that no code renders says it is kept on purpose: its first line is a Scriban comment
    /// starting so, e.g. <c>{{# optional: for the spring campaign }}</c> (see <see cref="CodeNames.CheckAll"/>).</summary>
    public const string OptionalMark = "{{# optional:";

    public static TemplateSet Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new ContentException("templates", null, "folder is missing");
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var optional = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.sbn").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var source = File.ReadAllText(path);
            templates[name] = Parse($"templates/{name}.sbn", source);
            if (source.StartsWith(OptionalMark, StringComparison.Ordinal)) optional.Add(name);
        }
        return new TemplateSet(templates, optional);
    }

    /// <summary>Parses a template kept inside a data file (calendar entries), failing with the file and entry.</summary>
    public Template ParseInline(string file, string id, string source) =>
        _inline.GetOrAdd(source, s => Parse($"{file} '{id}'", s));

    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>Whether the template is declared optional (<see cref="OptionalMark"/>).</summary>
    public bool IsOptional(string name) => _optional.Contains(name);

    /// <summary>Renders the named template with <paramref name="model"/> (an object or dictionary; members become snake_case).</summary>
    public string Render(string name, object? model = null)
    {
        if (!_templates.TryGetValue(name, out var template))
            throw new ContentException($"templates/{name}.sbn", null, "template not found");
        return RenderTemplate(template, model);
    }

    /// <summary>Renders a template held in data (see <see cref="ParseInline"/>).</summary>
    public string RenderInline(string file, string id, string source, object? model) =>
        RenderTemplate(ParseInline(file, id, source), model);

    /// <summary>Scriban's built-in functions (string.*, array.*, date.*, ...), built once and shared by every render.</summary>
    /// <remarks>A TemplateContext made without them builds its own set, copying every built-in (~35 KB a render).
    /// Shared, they must not change: the set and each of its objects are read-only, so a template that assigns to
    /// one (<c>date.format = ...</c>) fails to render instead of changing what other renders see. Variables a template
    /// sets go to its own globals, which are per render.</remarks>
    private static readonly ScriptObject Builtins = ReadOnlyBuiltins();

    private static ScriptObject ReadOnlyBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        foreach (var member in builtins.Values.OfType<ScriptObject>()) member.IsReadOnly = true;
        builtins.IsReadOnly = true;
        return builtins;
    }

    /// <summary>A context per thread, reused from one render to the next (Scriban's <see cref="TemplateContext.Reset"/>
    /// makes it "safe to reuse on the same thread"): a new one costs some 15 KB of allocations a render.</summary>
    [ThreadStatic]
    private static TemplateContext? t_context;

    /// <summary>Scriban's snake_case names of the models' members, made once per member (Scriban's renamer builds the
    /// name anew every time a model is imported). Bounded by the members of the model types.</summary>
    private static readonly ConcurrentDictionary<MemberInfo, string> SnakeCaseNames = new();

    private static string SnakeCase(MemberInfo member) => SnakeCaseNames.GetOrAdd(member, StandardMemberRenamer.Rename);

    private static string RenderTemplate(Template template, object? model)
    {
        var globals = new ScriptObject();
        if (model is not null) globals.Import(model, renamer: SnakeCase);
        // A TemplateContext is not thread-safe: the thread's own is taken for the render (a render that starts
        // inside this one makes a new one), and given back only when the render went through.
        var context = t_context ?? new TemplateContext(Builtins) { StrictVariables = false, LoopLimit = 1000, RecursiveLimit = 20, MemberRenamer = SnakeCase };
        t_context = null;
        context.PushGlobal(globals);
        var text = template.Render(context).Trim();
        context.Reset();
        t_context = context;
        return text;
    }

    private static Template Parse(string where, string source)
    {
        var template = Template.Parse(source, where);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new ContentException(where, first.Span.Start.Line + 1, first.Message);
        }
        return template;
    }
}
