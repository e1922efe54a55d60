using AnToan.Knowledge.Text;
using Microsoft.Recognizers.Text;

namespace AnToan.Dialogs.Recognizers;

/// <summary>Vietnamese yes/no ("có", "rồi", "đã làm", "ok", "ừ", "vâng", "dạ"; "không", "chưa", "k", "ko"), returned in the
/// shape of Microsoft.Recognizers.Text's boolean model: TypeName "boolean", Resolution { "value": bool, "score" }.</summary>
/// <remarks>A clear word beats a particle ("dạ không" is no); among clear words the first one counts ("không có" is no).</remarks>
public sealed class VietnameseBooleanModel(VietnameseVocabulary vocabulary) : IModel
{
    private readonly VietnameseVocabulary.YesNoWords _w = vocabulary.YesNo;

    public string ModelTypeName => "boolean";
    public string Culture => VietnameseNumberModel.CultureCode;
    public string RequestedCulture => VietnameseNumberModel.CultureCode;

    public void SetCultureInfo(string culture, string? requestedCulture = null) { }

    public List<ModelResult> Parse(string query)
    {
        var tokens = Token.Split(query);
        (int Start, int Length, bool Value, double Score)? best = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (_w.Strong.TryMatch(tokens, i, out var value, out var length))
            {
                best = (i, length, value, 1.0);
                break;
            }
            if (best is null && _w.Weak.TryMatch(tokens, i, out _, out length)) best = (i, length, true, 0.6);
        }
        if (best is not { } b) return [];
        var last = tokens[b.Start + b.Length - 1];
        return
        [
            new ModelResult
            {
                Text = query[tokens[b.Start].Start..last.End],
                Start = tokens[b.Start].Start,
                End = last.End - 1,
                TypeName = "boolean",
                Resolution = new SortedDictionary<string, object> { ["value"] = b.Value, ["score"] = b.Score },
            },
        ];
    }
}
