using Bot.Testing;

namespace Bot.Core.Tests.Search.Folding;

/// <summary>The brute-force comparison again, every query typed in Traditional characters.</summary>
public sealed class TraditionalQueryCorpusSearchTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    public static TheoryData<string> Kinds => CorpusSearchTests.Kinds;

    [SharedDataTheory]
    [MemberData(nameof(Kinds))]
    public async Task Search_CorpusQueriesTypedInTraditional_MatchBruteForceScan(string kind)
    {
        var changed = await CorpusComparison.AssertMatchesAsync(corpus, kind, TraditionalConverter.ToTraditional);

        if (kind is "cjk2" or "cjk3" or "cjk4" or "and")
        {
            Assert.True(changed >= 10, $"only {changed} {kind} queries have a Traditional form: the comparison proves little");
        }
    }
}

/// <summary>The brute-force comparison again, over the whole corpus written in Traditional characters.</summary>
public sealed class TraditionalCorpusSearchTests(TraditionalCorpusFixture corpus) : IClassFixture<TraditionalCorpusFixture>
{
    public static TheoryData<string> Kinds => CorpusSearchTests.Kinds;

    [SharedDataTheory]
    [MemberData(nameof(Kinds))]
    public async Task Search_CorpusQueriesOverTraditionalCorpus_MatchBruteForceScan(string kind) =>
        await CorpusComparison.AssertMatchesAsync(corpus, kind, typed: query => query);

    [SharedDataFact]
    public async Task Search_SimplifiedQueryOverTraditionalCorpus_FindsTraditionalText()
    {
        var (total, ids) = await corpus.Archive.AllHitsAsync("学生");

        Assert.True(total > 0);
        var hits = (await corpus.Archive.Search.SearchAsync(new Bot.Core.Search.SearchRequest("学生", 10), CancellationToken.None)).Hits;
        Assert.All(hits, hit => Assert.Contains(hit.ArticleId, ids));
        var highlighted = hits.Where(h => h.Highlights.Count > 0).ToList();
        Assert.NotEmpty(highlighted);
        Assert.All(highlighted, hit => Assert.Equal("學生", hit.Snippet.Substring(hit.Highlights[0].Start, hit.Highlights[0].Length)));
    }
}

/// <summary>The shared corpus converted to Traditional characters (text, titles and tags), then indexed.</summary>
public sealed class TraditionalCorpusFixture : CorpusFixture
{
    private protected override TestArticle Prepare(TestArticle article) => article with
    {
        Title = TraditionalConverter.ToTraditional(article.Title),
        PlainText = TraditionalConverter.ToTraditional(article.PlainText),
        Tags = article.Tags?.Select(TraditionalConverter.ToTraditional).ToList(),
    };
}
