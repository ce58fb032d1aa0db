using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Bench.Search.Lucene;
using Bot.Core.Search;
using Bot.Core.Search.Sqlite;
using Bot.Core.Storage;
using Bot.Core.Storage.Migrations;
using Bot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Bench.Search;

/// <summary>
/// `search [--json] [--articles 50000] [--reps 20] [--window 1000] [--mmap MB] [--dir PATH] [--no-baselines] [--no-lucene]`: latency of a
/// fixed mixed query set through ISearchService (rank + count + snippets) on the corpus replicated to N articles, against a
/// LIKE scan, an FTS5 trigram index and Lucene.Net (LucenePeer) measured in the same run, and the index size against the
/// raw text. --dir keeps the built database and Lucene index for the next run; --no-baselines skips LIKE and trigram
/// (minutes) while tuning, --no-lucene the peer.
/// </summary>
public sealed class SearchBenchmark : IBenchmark
{
    public string Name => "search";

    public string Description => "search latency p50/p95 at N articles vs LIKE and FTS5 trigram; index size";

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        if (!SharedData.Available)
        {
            Console.Error.WriteLine(SharedData.SkipReason);
            return 2;
        }

        var json = args.Contains("--json");
        var count = Option(args, "--articles", 50_000);
        var reps = Option(args, "--reps", 20);
        var window = Option(args, "--window", new SearchOptions().RankWindow);
        var mmap = Option(args, "--mmap", DatabaseOptions.DefaultMmapSizeMb);
        var keep = Array.IndexOf(args, "--dir") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var folder = keep ?? Directory.CreateTempSubdirectory("bot-bench-search-").FullName;
        try
        {
            var database = new SqliteDatabase(Path.Combine(folder, $"search-{count}.db"), mmapSizeMb: mmap);
            await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync(ct);
            TimeSpan? build = null;
            if (await SearchBenchArchive.CountAsync(database, ct) != count)
            {
                build = await SearchBenchArchive.BuildAsync(database, BenchCorpus.Load(), count, ct);
            }

            LuceneFigures? lucene = null;
            if (!args.Contains("--no-lucene"))
            {
                lucene = await LucenePeer.MeasureAsync(folder, database, BenchCorpus.Load(), count, reps, ct);
            }

            var report = await MeasureAsync(database, count, reps, window, !args.Contains("--no-baselines"), build, lucene, ct);
            Console.WriteLine(json ? JsonSerializer.Serialize(report.Json, JsonOptions) : report.Table);
            return 0;
        }
        finally
        {
            if (keep is null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task<(object Json, string Table)> MeasureAsync(SqliteDatabase database, int count, int reps, int window, bool baselines, TimeSpan? build, LuceneFigures? lucene, CancellationToken ct)
    {
        var search = new SqliteSearchService(database, Options.Create(new SearchOptions { RankWindow = window }), NullLogger<SqliteSearchService>.Instance);
        var steal = new CpuSteal();
        var ours = new Dictionary<SearchBenchQuery, List<double>>();
        var totals = new Dictionary<SearchBenchQuery, int>();
        foreach (var query in SearchBenchQueries.All)
        {
            totals[query] = (await search.SearchAsync(new SearchRequest(query.Text), ct)).Total; // warm-up
            ours[query] = [];
        }

        // Round after round of the whole set, so that a burst of load on this shared machine spreads over
        // every query instead of landing on all the runs of one.
        for (var i = 0; i < reps; i++)
        {
            foreach (var query in SearchBenchQueries.All)
            {
                var clock = Stopwatch.StartNew();
                await search.SearchAsync(new SearchRequest(query.Text), ct);
                ours[query].Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        await using var connection = await database.OpenAsync(ct);
        var like = new List<double>();
        var trigram = new List<double>();
        foreach (var query in baselines ? SearchBenchQueries.All : [])
        {
            like.Add(await TimeAsync(connection, LikeSql(query), query, ct));
            var indexed = query.Terms.All(t => t.EnumerateRunes().Count() >= 3);
            for (var i = 0; i < (indexed ? reps : 1); i++)
            {
                trigram.Add(await TimeAsync(connection, TrigramSql(query), query, ct));
            }
        }

        var stolen = steal.Share();
        var sizes = await SizesAsync(connection, ct);
        var all = ours.Values.SelectMany(v => v).ToList();
        var (p50, p95, likeP95, trigramP95) = (Percentile(all, 0.50), Percentile(all, 0.95), Percentile(like, 0.95), Percentile(trigram, 0.95));
        var json = new
        {
            p50_ms = Math.Round(p50, 2),
            p95_ms = Math.Round(p95, 2),
            like_p95_ms = Math.Round(likeP95, 2),
            trigram_p95_ms = Math.Round(trigramP95, 2),
            index_ratio = Math.Round(sizes.Fts / sizes.Raw, 3),
            articles = count,
            rank_window = window,
            speedup_vs_like_p95 = Math.Round(likeP95 / p95, 1),
            trigram_index_ratio = Math.Round(sizes.Trigram / sizes.Raw, 3),
            raw_text_mb = Math.Round(sizes.Raw / 1e6, 1),
            load_average = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null,
            cpu_steal = stolen is { } share ? Math.Round(share, 3) : (double?)null,
            build_s = build is { } b ? Math.Round(b.TotalSeconds) : (double?)null,
            index_build_s = await SearchBenchArchive.IndexBuildSecondsAsync(connection, ct),
            recall = lucene is null ? (double?)null : Math.Round(lucene.Ours.Recall, 4),
            precision = lucene is null ? (double?)null : Math.Round(lucene.Ours.Precision, 4),
            lucene_cjk_p50_ms = lucene is null ? (double?)null : Math.Round(lucene.CjkP50, 2),
            lucene_cjk_p95_ms = lucene is null ? (double?)null : Math.Round(lucene.CjkP95, 2),
            lucene_cjk_recall = lucene is null ? (double?)null : Math.Round(lucene.Cjk.Recall, 4),
            lucene_cjk_precision = lucene is null ? (double?)null : Math.Round(lucene.Cjk.Precision, 4),
            lucene_cjk_index_ratio = lucene is null ? (double?)null : Math.Round(lucene.CjkBytes / sizes.Raw, 3),
            lucene_cjk_build_s = lucene?.CjkBuild is { } lb ? Math.Round(lb.TotalSeconds) : (double?)null,
            lucene_smartcn_recall = lucene is null ? (double?)null : Math.Round(lucene.SmartCn.Recall, 4),
            lucene_smartcn_precision = lucene is null ? (double?)null : Math.Round(lucene.SmartCn.Precision, 4),
            by_class = ours.GroupBy(q => q.Key.Class).ToDictionary(g => g.Key, g => new
            {
                p50_ms = Math.Round(Percentile(g.SelectMany(q => q.Value).ToList(), 0.50), 2),
                p95_ms = Math.Round(Percentile(g.SelectMany(q => q.Value).ToList(), 0.95), 2),
            }),
        };

        var table = new System.Text.StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"search benchmark: {count:N0} articles, raw text {sizes.Raw / 1e6:N1} MB, {reps} runs per query, rank window {window}{(build is { } t ? $", built in {t.TotalSeconds:N0} s" : string.Empty)}");
        table.AppendLine(CultureInfo.InvariantCulture, $"{"query",-24} {"hits",8} {"p50 ms",8} {"p95 ms",8}");
        foreach (var (query, times) in ours)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"{query.Class + " " + query.Text,-24} {totals[query],8} {Percentile(times, 0.5),8:N2} {Percentile(times, 0.95),8:N2}");
        }

        table.AppendLine(CultureInfo.InvariantCulture, $"load average at the end: {json.load_average}; CPU time stolen by the hypervisor during the run: {stolen:P0}");
        table.AppendLine(CultureInfo.InvariantCulture, $"ours     p50 {p50:N2} ms, p95 {p95:N2} ms");
        table.AppendLine(CultureInfo.InvariantCulture, $"LIKE     p95 {likeP95:N2} ms (one run per query) → ours is {likeP95 / p95:N0}× faster at p95");
        table.AppendLine(CultureInfo.InvariantCulture, $"trigram  p95 {trigramP95:N2} ms (terms under 3 characters fall back to a LIKE scan of the content; one run each)");
        table.AppendLine(CultureInfo.InvariantCulture, $"index    {sizes.Fts / 1e6:N1} MB = {sizes.Fts / sizes.Raw:N2}× raw text (trigram {sizes.Trigram / sizes.Raw:N2}×); page counts measured while building; index built in {json.index_build_s} s");
        if (lucene is not null)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"Lucene.Net CJK bigrams  p50 {lucene.CjkP50:N2} ms, p95 {lucene.CjkP95:N2} ms (total + best 10 loaded, no snippets) → ours/Lucene p95 {p95 / lucene.CjkP95:N2}×; index {lucene.CjkBytes / 1e6:N1} MB = {lucene.CjkBytes / sizes.Raw:N2}× raw text{(lucene.CjkBuild is { } lb2 ? $", built in {lb2.TotalSeconds:N0} s" : string.Empty)}");
            table.AppendLine(CultureInfo.InvariantCulture, $"recall / precision against a substring scan ({LucenePeer.ExactnessQueries.Count} Chinese queries): ours {lucene.Ours.Recall:P2} / {lucene.Ours.Precision:P2}, Lucene CJK {lucene.Cjk.Recall:P2} / {lucene.Cjk.Precision:P2}, Lucene SmartCn {lucene.SmartCn.Recall:P2} / {lucene.SmartCn.Precision:P2}");
            foreach (var line in lucene.PerQuery)
            {
                table.AppendLine("  " + line);
            }
        }
        return (json, table.ToString());
    }

    private static async Task<double> TimeAsync(SqliteConnection connection, string sql, SearchBenchQuery query, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        for (var i = 0; i < query.Terms.Count; i++)
        {
            command.Parameters.AddWithValue($"$like{i}", "%" + query.Terms[i] + "%");
            command.Parameters.AddWithValue($"$match{i}", "\"" + query.Terms[i].Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        }

        var clock = Stopwatch.StartNew();
        await using var reader = await command.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
            {
            }
        }
        while (await reader.NextResultAsync(ct));

        return clock.Elapsed.TotalMilliseconds;
    }

    // The same work as a search: the total and the first page (LIKE cannot rank, so newest first).
    private static string LikeSql(SearchBenchQuery query)
    {
        var where = string.Join(" AND ", query.Terms.Select((_, i) => $"(title LIKE $like{i} OR plain_text LIKE $like{i})"));
        return $"""
            SELECT count(*) FROM articles WHERE state = 'published' AND {where};
            SELECT id FROM articles WHERE state = 'published' AND {where} ORDER BY published_utc DESC LIMIT 5;
            """;
    }

    private static string TrigramSql(SearchBenchQuery query)
    {
        if (query.Terms.All(t => t.EnumerateRunes().Count() >= 3))
        {
            var match = string.Join(" AND ", query.Terms.Select((_, i) => $"$match{i}"));
            return $"""
                SELECT count(*) FROM bench_trigram WHERE bench_trigram MATCH {match};
                SELECT rowid FROM bench_trigram WHERE bench_trigram MATCH {match} ORDER BY rank LIMIT 5;
                """;
        }

        var where = string.Join(" AND ", query.Terms.Select((_, i) => $"(title LIKE $like{i} OR plain_text LIKE $like{i})"));
        return $"SELECT count(*) FROM bench_trigram WHERE {where}";
    }

    private static async Task<(double Raw, double Fts, double Trigram)> SizesAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = "SELECT sum(length(CAST(title AS BLOB)) + length(CAST(plain_text AS BLOB))) FROM articles";
        var raw = Convert.ToDouble(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var (fts, trigram) = await SearchBenchArchive.IndexBytesAsync(connection, ct);
        return (raw, fts, trigram);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}
