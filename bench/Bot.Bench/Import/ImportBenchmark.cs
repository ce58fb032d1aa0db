using System.Globalization;
using System.Text.Json;
using Bot.Core;
using Bot.Core.Importing;
using Bot.Core.Media;
using Bot.Core.Parsing;
using Bot.Core.Search;
using Bot.Core.Storage;
using Bot.Core.Storage.Migrations;
using Bot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Bench.Import;

/// <summary>
/// Imports the corpus replicated to 20,000 files into a fresh database through the host's own DI
/// composition (search index included), against two baselines measured in the same run: parsing
/// alone, and importing with a no-op index; and, to show what FTS5 itself allows, importing with the least
/// positional index FTS5 can hold (<see cref="FloorArticleIndex"/>). Options: --count N (default 20,000), --batch N (Import:BatchSize).
/// </summary>
public sealed class ImportBenchmark : IBenchmark
{
    public string Name => "import";

    public string Description => "import throughput (corpus replicated to 20,000 files) and database bytes per article";

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var json = args.Contains("--json");
        var count = IntOption(args, "--count") ?? 20_000;
        var batchSize = IntOption(args, "--batch");
        if (!SharedData.Available)
        {
            await Console.Error.WriteLineAsync("import benchmark: " + SharedData.SkipReason);
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("bot-bench-import-").FullName;
        try
        {
            var archive = Path.Combine(work, "archive");
            var sourceBytes = CorpusReplica.Write(archive, count);

            var parser = new ArticleParser();
            // Warm up the JIT (tiered compilation) so the first phase is not charged for it.
            await ParseAllAsync(parser, Path.Combine(archive, "r000"), ct);
            var parseOnly = await Measurement.RunAsync("parse only (baseline)", count, () => ParseAllAsync(parser, archive, ct));
            var (noIndex, noIndexBytes) = await ImportAsync("import, no search index (baseline)", Path.Combine(work, "no-index.db"), archive, count, batchSize, new NoArticleIndex(), ct);
            var (full, databaseBytes) = await ImportAsync("import (host composition)", Path.Combine(work, "bot.db"), archive, count, batchSize, index: null, ct);
            var (floor, _) = await ImportAsync("import, FTS5 floor index (1 token/char)", Path.Combine(work, "floor.db"), archive, count, batchSize, new FloorArticleIndex(), ct);

            var bytesPerArticle = databaseBytes / (double)count;
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    articles_per_sec = Math.Round(full.PerSecond, 1),
                    bytes_per_article = Math.Round(bytesPerArticle),
                    articles = count,
                    total_seconds = Math.Round(full.Wall.TotalSeconds, 2),
                    cpu_ms_per_article = Math.Round(full.CpuMsPerArticle, 3),
                    source_bytes_per_article = Math.Round(sourceBytes / (double)count),
                    baseline_parse_articles_per_sec = Math.Round(parseOnly.PerSecond, 1),
                    baseline_no_index_articles_per_sec = Math.Round(noIndex.PerSecond, 1),
                    baseline_no_index_bytes_per_article = Math.Round(noIndexBytes / (double)count),
                    ratio_vs_parse = Math.Round(full.PerSecond / parseOnly.PerSecond, 3),
                    ratio_vs_no_index = Math.Round(full.PerSecond / noIndex.PerSecond, 3),
                    floor_articles_per_sec = Math.Round(floor.PerSecond, 1),
                    floor_ratio_vs_no_index = Math.Round(floor.PerSecond / noIndex.PerSecond, 3),
                    processors = Environment.ProcessorCount,
                }));
                return 0;
            }

            Console.WriteLine($"{count:N0} articles, {sourceBytes / (double)count:N0} source bytes each, {Environment.ProcessorCount} processors");
            Console.WriteLine($"{"phase",-38}{"articles/s",12}{"seconds",10}{"cpu ms/article",16}{"vs this run",13}");
            foreach (var m in new[] { parseOnly, noIndex, full, floor })
            {
                Console.WriteLine($"{m.Phase,-38}{m.PerSecond,12:N0}{m.Wall.TotalSeconds,10:N2}{m.CpuMsPerArticle,16:N3}{full.PerSecond / m.PerSecond,13:N2}x");
            }

            Console.WriteLine($"database: {databaseBytes:N0} bytes, {bytesPerArticle:N0} bytes per article ({bytesPerArticle / (sourceBytes / (double)count):N2}x the source); without the search index {noIndexBytes / (double)count:N0} bytes per article");
            Console.WriteLine("\"vs this run\" is the host import's throughput divided by that phase's; below 1 means the host import is slower.");
            Console.WriteLine($"FTS5 floor (one token per character, ascii tokenizer, no single characters or filters): {floor.PerSecond / noIndex.PerSecond:N3}x the no-index import");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static int? IntOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }

    private static Task ParseAllAsync(ArticleParser parser, string archive, CancellationToken ct)
    {
        var files = Directory.GetFiles(archive, "*", SearchOption.AllDirectories);
        return Parallel.ForAsync(0, files.Length, ct, (i, _) =>
        {
            var result = parser.Parse(files[i], File.ReadAllBytes(files[i]));
            return result.Succeeded ? ValueTask.CompletedTask : throw new InvalidOperationException($"{files[i]}: {result.Error}");
        });
    }

    private static async Task<(Measurement Measurement, long DatabaseBytes)> ImportAsync(string phase, string databasePath, string archive, int count, int? batchSize, IArticleIndex? index, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?> { ["Database:Path"] = databasePath };
        if (batchSize is { } size)
        {
            settings["Import:BatchSize"] = size.ToString(CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddBotCore(configuration);
        // null: the host's own search index; otherwise the phase's stand-in for it.
        if (index is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(index));
        }

        // The corpus's images live on outside hosts, which a bench must never contact (and which would
        // make it measure network timeouts): the importer runs without its media archiver, as it does
        // where none is registered. The media bench measures archiving against its own loopback server.
        services.RemoveAll<MediaArchiver>();

        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
        var importer = provider.GetRequiredService<ArticleImporter>();
        ImportSummary? summary = null;
        var measurement = await Measurement.RunAsync(phase, count, async () => summary = await importer.ImportAsync([archive], null, ct));
        if (summary!.Imported != count || summary.Failed.Count > 0)
        {
            throw new InvalidOperationException($"{phase}: imported {summary.Imported} of {count}; first failure: {(summary.Failed.Count > 0 ? summary.Failed[0] : null)}");
        }

        var database = provider.GetRequiredService<SqliteDatabase>();
        await using (var connection = await database.OpenAsync(ct))
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync(ct);
        }

        SqliteConnection.ClearAllPools();
        var bytes = new FileInfo(database.FilePath).Length + (File.Exists(database.FilePath + "-wal") ? new FileInfo(database.FilePath + "-wal").Length : 0);
        return (measurement, bytes);
    }
}
