using Bot.Testing;

namespace Bot.Core.Tests.Search;

/// <summary>The index against a brute-force scan of the whole shared corpus: no misses, no false hits.</summary>
public sealed class CorpusSearchTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    [SharedDataTheory]
    [InlineData("cjk1")]
    [InlineData("cjk2")]
    [InlineData("cjk3")]
    [InlineData("cjk4")]
    [InlineData("across-break")]
    [InlineData("across-break3")]
    [InlineData("absent-pair")]
    [InlineData("latin")]
    [InlineData("mixed")]
    [InlineData("mixed-spaced")]
    [InlineData("cjk-then-prefix")]
    [InlineData("and")]
    [InlineData("exclude")]
    [InlineData("tag")]
    [InlineData("tag-excluded")]
    [InlineData("open-dates")]
    [InlineData("dates")]
    public async Task Search_CorpusQueries_MatchBruteForceScan(string kind)
    {
        var failures = new List<string>();
        var queries = new CorpusQueries(corpus.Reference).For(kind).ToList();
        foreach (var query in queries)
        {
            var expected = corpus.Reference.Matching(query.Include, query.Exclude, query.Filter);
            var (total, ids) = await corpus.Archive.AllHitsAsync(query.Text);
            var actual = ids.ToHashSet();
            if (total != expected.Count || !actual.SetEquals(expected) || ids.Count != actual.Count)
            {
                failures.Add($"{query.Text}: expected {expected.Count}, total {total}, missing [{string.Join(',', expected.Except(actual).Take(5))}], extra [{string.Join(',', actual.Except(expected).Take(5))}]");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {queries.Count} {kind} queries differ:\n" + string.Join('\n', failures.Take(10)));
    }

    [SharedDataFact]
    public async Task Search_CorpusQueries_CoverBothHitsAndMisses()
    {
        var queries = new CorpusQueries(corpus.Reference);
        var absent = queries.For("across-break").Count(q => corpus.Reference.Matching(q.Include, q.Exclude).Count == 0);
        var found = queries.For("cjk2").Count(q => corpus.Reference.Matching(q.Include, q.Exclude).Count > 0);

        // Drawn from the corpus, every substring is found; some pairs across a break occur nowhere else.
        Assert.Equal(40, found);
        Assert.InRange(absent, 1, 40);
        Assert.NotEmpty((await corpus.Archive.AllHitsAsync("朝鲜")).Ids);
    }
}
