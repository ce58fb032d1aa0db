using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bot.Core;
using Bot.Core.Sources;
using Bot.Core.Sources.Feeds;
using Bot.Core.Sources.Pages;
using Bot.Core.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench.Sources;

/// <summary>
/// 200 feeds of 50 items on a loopback server, polled through the host's own composition: once cold (every
/// item fetched, parsed, converted and stored: the backlog) and once warm (every feed answers 304). The
/// baseline, measured in the same run, is parsing and converting the same feeds in memory. Then page
/// extraction per page on three HTML shapes (WeChat article, news page, blog). Options: --feeds N, --items N.
/// </summary>
public sealed class SourcesBenchmark : IBenchmark
{
    private const int ExtractionRounds = 50;

    public string Name => "sources";

    public string Description => "feed polling (200 feeds x 50 items on loopback, cold then all-304) and page extraction";

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var json = args.Contains("--json");
        var feeds = IntOption(args, "--feeds") ?? 200;
        var items = IntOption(args, "--items") ?? 50;
        var total = feeds * items;
        var work = Directory.CreateTempSubdirectory("bot-bench-sources-").FullName;
        var (server, feedBytes) = await LoopbackFeeds.StartAsync(feeds, items);
        try
        {
            await using var provider = Compose(Path.Combine(work, "bot.db"));
            await provider.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
            var manager = provider.GetRequiredService<SourceManager>();
            for (var f = 0; f < feeds; f++)
            {
                var (_, error) = await manager.AddAsync(server.Url($"/feeds/{f}.xml").AbsoluteUri, "30m", false, false, [], ct);
                if (error is not null)
                {
                    throw new InvalidOperationException(error);
                }
            }

            using var http = new HttpClient();
            var bodies = await Task.WhenAll(Enumerable.Range(0, feeds).Select(f => http.GetByteArrayAsync(server.Url($"/feeds/{f}.xml"), ct)));
            Task ParseAll()
            {
                Parallel.ForEach(bodies, body =>
                {
                    var feed = FeedParser.Parse(body, "utf-8").Feed!;
                    foreach (var entry in feed.Entries)
                    {
                        _ = SourceArticles.FromEntry(entry, new Uri("https://blog.example.org/feed.xml"), []);
                    }
                });
                return Task.CompletedTask;
            }

            Measure(ParseAll); // warms the JIT for the feed parser and the HTML conversion, which the poll then shares
            var baseline = Measure(ParseAll);

            var poller = provider.GetRequiredService<SourcePoller>();
            IReadOnlyList<SourcePollResult> coldResults = [];
            var cold = Measure(async () => coldResults = await poller.PollDueAsync(force: true, ct));
            var coldHeap = GC.GetTotalMemory(forceFullCollection: false);
            IReadOnlyList<SourcePollResult> warmResults = [];
            var warm = Measure(async () => warmResults = await poller.PollDueAsync(force: true, ct));
            var stored = coldResults.Sum(r => r.New);
            if (stored != total || coldResults.Any(r => r.Status != "ok") || warmResults.Any(r => r.Status != "not_modified"))
            {
                throw new InvalidOperationException($"cold stored {stored} of {total}; statuses {string.Join(",", coldResults.Concat(warmResults).Select(r => r.Status).Distinct())}");
            }

            var pages = ExtractPages();
            Process.GetCurrentProcess().Refresh();
            var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    feeds,
                    items_per_feed = items,
                    feed_bytes = feedBytes,
                    cold_items_per_sec = Math.Round(total / cold.Wall.TotalSeconds, 1),
                    cold_seconds = Math.Round(cold.Wall.TotalSeconds, 2),
                    cold_cpu_ms_per_item = Math.Round(cold.Cpu.TotalMilliseconds / total, 3),
                    warm_feeds_per_sec = Math.Round(feeds / warm.Wall.TotalSeconds, 1),
                    warm_seconds = Math.Round(warm.Wall.TotalSeconds, 3),
                    warm_cpu_ms_per_feed = Math.Round(warm.Cpu.TotalMilliseconds / feeds, 3),
                    baseline_parse_items_per_sec = Math.Round(total / baseline.Wall.TotalSeconds, 1),
                    ratio_cold_vs_parse = Math.Round(baseline.Wall.TotalSeconds / cold.Wall.TotalSeconds, 3),
                    managed_heap_after_cold_bytes = coldHeap,
                    peak_working_set_bytes = peakWorkingSet,
                    page_extraction_ms = pages.ToDictionary(p => p.Name, p => Math.Round(p.MsPerPage, 2)),
                    processors = Environment.ProcessorCount,
                }));
                return 0;
            }

            Console.WriteLine($"{feeds} feeds x {items} items ({feedBytes / 1024.0 / 1024.0:N1} MB of feeds), {Environment.ProcessorCount} processors");
            Console.WriteLine($"{"phase",-40}{"items/s",12}{"seconds",10}{"cpu ms/item",14}");
            Console.WriteLine($"{"parse + convert in memory (baseline)",-40}{total / baseline.Wall.TotalSeconds,12:N0}{baseline.Wall.TotalSeconds,10:N2}{baseline.Cpu.TotalMilliseconds / total,14:N3}");
            Console.WriteLine($"{"cold poll (fetch, parse, store backlog)",-40}{total / cold.Wall.TotalSeconds,12:N0}{cold.Wall.TotalSeconds,10:N2}{cold.Cpu.TotalMilliseconds / total,14:N3}");
            Console.WriteLine($"{"warm poll (all 304)",-40}{total / warm.Wall.TotalSeconds,12:N0}{warm.Wall.TotalSeconds,10:N3}{warm.Cpu.TotalMilliseconds / total,14:N3}");
            Console.WriteLine($"warm: {feeds / warm.Wall.TotalSeconds:N0} feeds/s; cold is {baseline.Wall.TotalSeconds / cold.Wall.TotalSeconds:N2}x the in-memory baseline's speed");
            Console.WriteLine($"memory: managed heap after the cold poll {coldHeap / 1024.0 / 1024.0:N0} MB, peak working set {peakWorkingSet / 1024.0 / 1024.0:N0} MB");
            foreach (var page in pages)
            {
                Console.WriteLine($"page extraction {page.Name,-12}{page.MsPerPage,8:N2} ms/page ({page.Bytes / 1024.0:N1} KB)");
            }

            return 0;
        }
        finally
        {
            await server.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static ServiceProvider Compose(string databasePath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = databasePath,
            ["Fetch:AllowPrivateAddresses"] = "true", // the feeds are on the benchmark's own loopback server
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotCore(configuration);
        return services.BuildServiceProvider();
    }

    private static List<(string Name, int Bytes, double MsPerPage)> ExtractPages()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Sources", "Pages");
        var result = new List<(string, int, double)>();
        foreach (var file in Directory.GetFiles(folder, "*.html").Order(StringComparer.Ordinal))
        {
            var html = File.ReadAllText(file);
            var url = new Uri("https://example.org/" + Path.GetFileName(file));
            if (PageExtractor.Extract(html, url).Page is null)
            {
                throw new InvalidOperationException($"{file}: no article extracted");
            }

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < ExtractionRounds; i++)
            {
                _ = PageExtractor.Extract(html, url);
            }

            result.Add((Path.GetFileNameWithoutExtension(file), html.Length, clock.Elapsed.TotalMilliseconds / ExtractionRounds));
        }

        return result;
    }

    private static (TimeSpan Wall, TimeSpan Cpu) Measure(Func<Task> work)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        work().GetAwaiter().GetResult();
        clock.Stop();
        process.Refresh();
        return (clock.Elapsed, process.TotalProcessorTime - cpu);
    }

    private static int? IntOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }
}
