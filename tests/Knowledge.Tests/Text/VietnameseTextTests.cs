using System.Globalization;
using System.Text;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Text;

/// <summary><see cref="VietnameseText.Fold"/> reads characters from a table; it must fold exactly as its definition:
/// decompose (NFD), drop the marks, lower-case, đ→d, anything but letters, digits, % / ? as one space.</summary>
public sealed class VietnameseTextTests
{
    private static string Definition(string text)
    {
        var kept = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch) is 'đ' ? 'd' : char.ToLowerInvariant(ch);
            kept.Append(char.IsLetterOrDigit(c) || c is '%' or '/' or '?' ? c : ' ');
        }
        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static TheoryData<string> Texts() =>
    [
        "Đồng ý", "ĐỒNG Ý", "Ủy ban", "Uỷ ban", "đ\u00ea\u0323", "e\u0323\u0302 và ệ", "  a\0b  ",
        "Hồ sơ gồm những gì?", "50% trở lên / năm", "ﬁ ligature", "Ἀθῆναι", "한국어 가나다", "emoji 😀 ở đây", "\ud800 lone",
        "Ǆ ǅ ǆ", "İstanbul", "Å Ω K", "tab\tnew\nline",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Fold_IsItsDefinition(string text) => Assert.Equal(Definition(text), VietnameseText.Fold(text));

    [Fact]
    public void Fold_IsItsDefinition_ForEveryCharacterBeforeGreekExtended_AndEveryTextOfTheContentAndEvaluation()
    {
        for (var c = 0; c < 0x2000; c++)
        {
            var text = $"a{(char)c}b";
            Assert.True(Definition(text) == VietnameseText.Fold(text), $"U+{c:X4}");
        }
        var files = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".json") || f.EndsWith(".tsv"));
        foreach (var line in files.SelectMany(File.ReadLines))
            Assert.Equal(Definition(line), VietnameseText.Fold(line));
    }
}
