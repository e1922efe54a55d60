using AnToan.Knowledge.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace AnToan.Knowledge.Search;

/// <summary>Lucene's view of <see cref="TextAnalyzer"/>: syllables, extras (abbreviations, document references)
/// and syllable pairs (shingles) as the terms of a field.</summary>
internal sealed class LuceneAnalyzer(TextAnalyzer analyzer) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new TermsTokenizer(analyzer, reader));

    private sealed class TermsTokenizer : Tokenizer
    {
        private readonly TextAnalyzer _analyzer;
        private readonly ICharTermAttribute _term;
        private IEnumerator<string>? _terms;

        public TermsTokenizer(TextAnalyzer analyzer, TextReader reader) : base(reader)
        {
            _analyzer = analyzer;
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (_terms is null || !_terms.MoveNext()) return false;
            _term.SetEmpty().Append(_terms.Current);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _terms = _analyzer.Analyze(m_input.ReadToEnd()).Terms.GetEnumerator();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _terms?.Dispose();
            base.Dispose(disposing);
        }
    }
}
