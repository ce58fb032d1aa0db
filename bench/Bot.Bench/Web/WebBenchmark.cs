using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bot.Bench.Search;
using Bot.Core;
using Bot.Core.Storage;
using Bot.Core.Storage.Migrations;
using Bot.Testing;
using Bot.Web;
using Bot.Web.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Bench.Web;

/// <summary>
/// Requests per second and latency of the web archive's article and search pages over loopback HTTP on the
/// search bench's 50,000-article database, against /healthz (one trivial query) measured in the same run.
/// </summary>
public sealed class WebBenchmark : IBenchmark
{
    public string Name => "web";

    public string Description => "web archive: requests/s and p50/p95 of /articles/{id} and /search?q= vs /healthz, over loopback";

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var json = args.Contains("--json");
        var count = Option(args, "--articles", 50_000);
        var seconds = Option(args, "--seconds", 10);
        var concurrency = Option(args, "--concurrency", 4);
        var folder = Array.IndexOf(args, "--dir") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : Directory.CreateTempSubdirectory("bot-bench-web-").FullName;
        var database = new SqliteDatabase(Path.Combine(folder, $"search-{count}.db"));
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync(ct);
        if (await SearchBenchArchive.CountAsync(database, ct) != count)
        {
            if (!SharedData.Available)
            {
                Console.Error.WriteLine(SharedData.SkipReason);
                return 2;
            }

            await SearchBenchArchive.BuildAsync(database, BenchCorpus.Load(), count, ct);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(RequestLimits.Apply);
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Path"] = database.FilePath });
        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddWebArchive(builder.Configuration);
        await using var app = builder.Build();
        app.MapGet("/healthz", async (SqliteDatabase db, CancellationToken token) =>
        {
            await using var connection = await db.OpenAsync(token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_version";
            return Microsoft.AspNetCore.Http.Results.Ok(await command.ExecuteScalarAsync(token));
        });
        app.MapWebArchive();
        await app.StartAsync(ct);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient { BaseAddress = address };

        var random = new Random(16);
        var queries = SearchBenchQueries.All.Select(q => "/search?q=" + Uri.EscapeDataString(q.Text)).ToList();
        var rows = new List<Row>
        {
            await MeasureAsync(http, "/healthz (baseline)", _ => "/healthz", seconds, concurrency, ct),
            await MeasureAsync(http, "/articles/{id}", i => "/articles/" + random.Next(1, count + 1).ToString(CultureInfo.InvariantCulture), seconds, concurrency, ct),
            await MeasureAsync(http, "/search?q=", i => queries[i % queries.Count], seconds, concurrency, ct),
            await MeasureAsync(http, "/ (home)", _ => "/", seconds, concurrency, ct),
        };
        await app.StopAsync(ct);

        var baseline = rows[0];
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                articles = count,
                concurrency,
                seconds,
                rows = rows.Select(r => new { r.Route, r.Requests, rps = r.PerSecond, p50_ms = r.P50, p95_ms = r.P95, errors = r.Errors, rps_vs_baseline = r.PerSecond / baseline.PerSecond }),
            }));
        }
        else
        {
            Console.WriteLine($"web archive over loopback, {count:N0} articles, {concurrency} clients, {seconds} s per route, {Environment.ProcessorCount} cores");
            Console.WriteLine($"{"route",-22} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"errors",7} {"req/s vs /healthz",18}");
            foreach (var r in rows)
            {
                Console.WriteLine($"{r.Route,-22} {r.Requests,9} {r.PerSecond,8:F0} {r.P50,8:F2} {r.P95,8:F2} {r.Errors,7} {r.PerSecond / baseline.PerSecond,18:P1}");
            }
        }

        return 0;
    }

    private sealed record Row(string Route, int Requests, double PerSecond, double P50, double P95, int Errors);

    private static async Task<Row> MeasureAsync(HttpClient http, string route, Func<int, string> path, int seconds, int concurrency, CancellationToken ct)
    {
        // Warm up: JIT, connection pool, SQLite page cache.
        for (var i = 0; i < 20; i++)
        {
            using var warm = await http.GetAsync(new Uri(path(i), UriKind.Relative), ct);
        }

        var latencies = new List<double>[concurrency];
        var errors = 0;
        var next = 0;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < deadline && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri(path(Interlocked.Increment(ref next)), UriKind.Relative), ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if ((int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Row(route, all.Count, all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.95), errors);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
