using Bot.Testing;

namespace Bot.Core.Tests.Search;

/// <summary>The index against a brute-force scan of the whole shared corpus: no misses, no false hits.</summary>
public sealed class CorpusSearchTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    /// <summary>The kinds of query drawn from the corpus (CorpusQueries), for every corpus comparison.</summary>
    public static TheoryData<string> Kinds => new(
        "cjk1", "cjk2", "cjk3", "cjk4", "across-break", "across-break3", "absent-pair", "latin", "mixed", "mixed-spaced",
        "cjk-then-prefix", "and", "exclude", "tag", "tag-excluded", "open-dates", "dates");

    [SharedDataTheory]
    [MemberData(nameof(Kinds))]
    public async Task Search_CorpusQueries_MatchBruteForceScan(string kind) =>
        await CorpusComparison.AssertMatchesAsync(corpus, kind, typed: query => query);

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
