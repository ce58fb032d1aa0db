namespace Bot.Core.Tests.Search;

/// <summary>Runs one kind of corpus query through the index and the brute-force scan and lists every difference.</summary>
internal static class CorpusComparison
{
    /// <param name="typed">What the reader types for a query's text (the text itself, or it written in Traditional).</param>
    /// <returns>How many queries <paramref name="typed"/> changed.</returns>
    public static async Task<int> AssertMatchesAsync(CorpusFixture corpus, string kind, Func<string, string> typed)
    {
        var failures = new List<string>();
        var changed = 0;
        var queries = new CorpusQueries(corpus.Reference).For(kind).ToList();
        foreach (var query in queries)
        {
            var text = typed(query.Text);
            changed += text == query.Text ? 0 : 1;
            var expected = corpus.Reference.Matching(query.Include, query.Exclude, query.Filter);
            var (total, ids) = await corpus.Archive.AllHitsAsync(text);
            var actual = ids.ToHashSet();
            if (total != expected.Count || !actual.SetEquals(expected) || ids.Count != actual.Count)
            {
                failures.Add($"{text}: expected {expected.Count}, total {total}, missing [{string.Join(',', expected.Except(actual).Take(5))}], extra [{string.Join(',', actual.Except(expected).Take(5))}]");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {queries.Count} {kind} queries differ:\n" + string.Join('\n', failures.Take(10)));
        return changed;
    }
}
