using System.Diagnostics;
using Bot.Core.Search.Query;
using Bot.Core.Search.Sqlite;
using Bot.Core.Search.Text;
using Bot.Core.Storage;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;

namespace Bot.Bench.Search.Lucene;

/// <summary>What the Lucene.Net peer measured, and how exact each index is against a brute-force scan.</summary>
internal sealed record LuceneFigures(
    double CjkP50,
    double CjkP95,
    double CjkBytes,
    TimeSpan? CjkBuild,
    Exactness Cjk,
    Exactness SmartCn,
    Exactness Ours,
    IReadOnlyList<string> PerQuery);

/// <summary>Recall and precision summed over the queries: hits that are right over all right ones, and over all hits.</summary>
internal sealed record Exactness(int Right, int Expected, int Found)
{
    public double Recall => Expected == 0 ? 1 : Right / (double)Expected;

    public double Precision => Found == 0 ? 1 : Right / (double)Found;
}

/// <summary>
/// Lucene.Net 4.8 beside our index, in the same run and on the same articles and queries: the CJK bigram analyzer
/// (Lucene.Net.Analysis.Common's CJKAnalyzer) indexes the same N articles and is timed on the whole query set; recall
/// and precision of both it and SmartCn's word segmentation (SmartChineseAnalyzer) are counted on the queries of
/// Chinese terms against a substring scan of the distinct corpus articles, ours on the N-article database.
/// </summary>
internal static class LucenePeer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The queries whose brute-force answer is a plain substring test: Chinese terms, -exclusions, no filters.</summary>
    public static IReadOnlyList<SearchBenchQuery> ExactnessQueries { get; } = SearchBenchQueries.All
        .Where(q => q.Class.StartsWith("cjk", StringComparison.Ordinal) || q.Class is "and" or "exclude")
        .ToList();

    public static async Task<LuceneFigures> MeasureAsync(string folder, SqliteDatabase database, IReadOnlyList<BenchArticle> corpus, int count, int reps, CancellationToken ct)
    {
        using var cjk = LuceneIndex.OnDisk(Path.Combine(folder, $"lucene-cjk-{count}"), new CJKAnalyzer(Version));
        TimeSpan? build = null;
        if (cjk.Count != count)
        {
            build = cjk.Build(corpus, count);
            Console.Error.WriteLine($"lucene cjk index: {build.Value.TotalSeconds:N1} s");
        }

        // The same rounds as ours: the whole set, round after round, after a warm-up.
        var queries = SearchBenchQueries.All.Select(q => cjk.Translate(QueryParser.Parse(q.Text))).ToList();
        queries.ForEach(q => cjk.Search(q));
        var times = new List<double>();
        for (var i = 0; i < reps; i++)
        {
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                cjk.Search(query);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        // Recall and precision on the distinct articles (the N are replicas of them, so the proportions are the same).
        var truth = ExactnessQueries.ToDictionary(q => q, q => Truth(corpus, QueryParser.Parse(q.Text)));
        using var cjkSmall = LuceneIndex.InMemory(new CJKAnalyzer(Version));
        cjkSmall.Build(corpus, corpus.Count);
        using var smartCn = LuceneIndex.InMemory(new SmartChineseAnalyzer(Version));
        smartCn.Build(corpus, corpus.Count);
        var perQuery = new List<string>();
        var (cjkExact, smartExact) = (Score(cjkSmall, truth, perQuery, "cjk"), Score(smartCn, truth, perQuery, "smartcn"));
        var ours = await OursAsync(database, corpus.Count, truth, ct);
        return new LuceneFigures(Percentile(times, 0.50), Percentile(times, 0.95), cjk.Bytes, build, cjkExact, smartExact, ours, perQuery);
    }

    /// <summary>Distinct articles whose normalized title or text hold every term as a substring and no excluded one.</summary>
    private static HashSet<int> Truth(IReadOnlyList<BenchArticle> corpus, ParsedQuery query)
    {
        var found = new HashSet<int>();
        for (var i = 0; i < corpus.Count; i++)
        {
            string[] fields = [SearchText.Normalize(corpus[i].Title), SearchText.Normalize(corpus[i].Text)];
            bool Has(QueryTerm term) => fields.Any(f => f.Contains(term.Text, StringComparison.Ordinal));
            if (query.Include.All(Has) && !query.Exclude.Any(Has))
            {
                found.Add(i);
            }
        }

        return found;
    }

    private static Exactness Score(LuceneIndex index, Dictionary<SearchBenchQuery, HashSet<int>> truth, List<string> perQuery, string name)
    {
        var (right, expected, found) = (0, 0, 0);
        foreach (var (query, expect) in truth)
        {
            var hits = index.All(index.Translate(QueryParser.Parse(query.Text)));
            var hit = hits.Count(expect.Contains);
            (right, expected, found) = (right + hit, expected + expect.Count, found + hits.Count);
            perQuery.Add($"{name,-8} {query.Text,-14} expected {expect.Count,4}, found {hits.Count,4}, right {hit,4}");
        }

        return new Exactness(right, expected, found);
    }

    /// <summary>Our index on the N-article database: every hit's replica number, against the truth replicated.</summary>
    private static async Task<Exactness> OursAsync(SqliteDatabase database, int distinct, Dictionary<SearchBenchQuery, HashSet<int>> truth, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var replica = new Dictionary<long, int>();
        await using (var slugs = connection.CreateCommand())
        {
            slugs.CommandText = "SELECT id, slug FROM articles";
            await using var reader = await slugs.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                replica[reader.GetInt64(0)] = int.Parse(reader.GetString(1)["bench-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var expectedPerDistinct = replica.Values.GroupBy(k => k % distinct).ToDictionary(g => g.Key, g => g.Count());
        var (right, expected, found) = (0, 0, 0);
        foreach (var (query, expect) in truth)
        {
            var sql = SearchSql.For(QueryParser.Parse(query.Text), null);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT rowid FROM article_fts WHERE article_fts MATCH $match";
            command.Parameters.AddWithValue("$match", sql.Parameters.Single(p => p.ParameterName == "$match").Value);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found++;
                right += expect.Contains(replica[reader.GetInt64(0)] % distinct) ? 1 : 0;
            }

            expected += expect.Sum(i => expectedPerDistinct.GetValueOrDefault(i));
        }

        return new Exactness(right, expected, found);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
