using System.Diagnostics;
using Bot.Core.Search.Query;
using Bot.Core.Search.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Bot.Bench.Search.Lucene;

/// <summary>
/// The peer a .NET developer would reach for: a Lucene.Net 4.8 index of the same articles (title and text in one
/// analyzed field, the tags and publication time as exact fields), queried the way a careful developer would
/// query it: each term analyzed into a phrase of its tokens (a bigram phrase for 俄罗斯), a last Latin word as a
/// prefix, all terms required, exclusions and filters as clauses.
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Text = "text";
    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    private LuceneIndex(LuceneDirectory directory, Analyzer analyzer)
    {
        _directory = directory;
        _analyzer = analyzer;
    }

    /// <summary>On disk at <paramref name="path"/>, reused when it already holds <paramref name="count"/> documents.</summary>
    public static LuceneIndex OnDisk(string path, Analyzer analyzer) => new(FSDirectory.Open(path), analyzer);

    public static LuceneIndex InMemory(Analyzer analyzer) => new(new RAMDirectory(), analyzer);

    public int Count => DirectoryReader.IndexExists(_directory) ? Searcher.IndexReader.NumDocs : 0;

    public long Bytes => _directory.ListAll().Sum(_directory.FileLength);

    /// <summary>Indexes the corpus replicated to <paramref name="count"/> documents, merged to one segment; the time it took.</summary>
    public TimeSpan Build(IReadOnlyList<BenchArticle> corpus, int count)
    {
        var clock = Stopwatch.StartNew();
        var config = new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var k = 0; k < count; k++)
            {
                var article = corpus[k % corpus.Count];
                var document = new Document
                {
                    new StoredField("k", k),
                    new TextField(Text, article.Title + "\n" + article.Text, Field.Store.NO),
                    new Int64Field("published", article.Published.AddHours(k / corpus.Count).ToUnixTimeSeconds(), Field.Store.NO),
                };
                foreach (var tag in article.Tags)
                {
                    document.Add(new StringField("tag", QueryParser.TagKey(tag), Field.Store.NO));
                }

                writer.AddDocument(document);
            }

            // Read-optimized, as our index is after its 'optimize'.
            writer.ForceMerge(1);
            writer.Commit();
        }

        _reader?.Dispose();
        (_reader, _searcher) = (null, null);
        return clock.Elapsed;
    }

    /// <summary>The total and the best 10, each loaded (its replica number), as a results page would.</summary>
    public (int Total, List<int> Page) Search(Query query)
    {
        var top = Searcher.Search(query, 10);
        return (top.TotalHits, top.ScoreDocs.Select(d => Searcher.Doc(d.Doc).GetField("k").GetInt32Value() ?? -1).ToList());
    }

    /// <summary>The replica numbers of every hit.</summary>
    public HashSet<int> All(Query query)
    {
        var top = Searcher.Search(query, Math.Max(1, Searcher.IndexReader.MaxDoc));
        return top.ScoreDocs.Select(d => Searcher.Doc(d.Doc).GetField("k").GetInt32Value() ?? -1).ToHashSet();
    }

    /// <summary>What a query of ours means in Lucene, with this index's analyzer.</summary>
    public Query Translate(ParsedQuery parsed)
    {
        var query = new BooleanQuery();
        foreach (var term in parsed.Include)
        {
            query.Add(Term(term), Occur.MUST);
        }

        foreach (var term in parsed.Exclude)
        {
            query.Add(Term(term), Occur.MUST_NOT);
        }

        foreach (var tag in parsed.Filters.Tags)
        {
            query.Add(new TermQuery(new Term("tag", tag)), Occur.MUST);
        }

        if (parsed.Filters.SinceUtc is not null || parsed.Filters.UntilUtc is not null)
        {
            query.Add(NumericRangeQuery.NewInt64Range("published", parsed.Filters.SinceUtc, parsed.Filters.UntilUtc, true, false), Occur.MUST);
        }

        if (parsed.Include.Count == 0)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return query;
    }

    private Query Term(QueryTerm term)
    {
        var tokens = Analyze(term.Text);
        if (tokens.Count == 0)
        {
            return new BooleanQuery(); // every token was a stop word: matches nothing, as Lucene would
        }

        // A single Latin word is searched by prefix, as ours does (meto finds MeToo).
        if (tokens.Count == 1 && term.Pieces is [{ IsCjk: false }])
        {
            return new PrefixQuery(new Term(Text, tokens[0].Text));
        }

        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(Text, tokens[0].Text));
        }

        var phrase = new PhraseQuery();
        foreach (var (text, position) in tokens)
        {
            phrase.Add(new Term(Text, text), position);
        }

        return phrase;
    }

    private List<(string Text, int Position)> Analyze(string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = _analyzer.GetTokenStream(Text, new StringReader(SearchText.NormalizeAsWritten(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }

        stream.End();
        return tokens;
    }

    private IndexSearcher Searcher
    {
        get
        {
            if (_searcher is null)
            {
                _reader = DirectoryReader.Open(_directory);
                _searcher = new IndexSearcher(_reader);
            }

            return _searcher;
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
