using AnToan.Knowledge.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace AnToan.Knowledge.Search;

/// <summary>Lucene's view of <see cref="TextAnalyzer"/>: syllables, extras (abbreviations, document references)
/// and syllable pairs (shingles) as the terms of a field.</summary>
/// <param name="terms">The terms of a text; the index builder hands in what it already analysed.</param>
internal sealed class LuceneAnalyzer(Func<string, IEnumerable<string>> terms) : Analyzer
{

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new TermsTokenizer(terms, reader));

    private sealed class TermsTokenizer : Tokenizer
    {
        private readonly Func<string, IEnumerable<string>> _source;
        private readonly ICharTermAttribute _term;
        private IEnumerator<string>? _terms;

        public TermsTokenizer(Func<string, IEnumerable<string>> source, TextReader reader) : base(reader)
        {
            _source = source;
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
            _terms = _source(m_input.ReadToEnd()).GetEnumerator();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _terms?.Dispose();
            base.Dispose(disposing);
        }
    }
}
