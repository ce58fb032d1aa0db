using System.Diagnostics;
using System.Text.Json;
using Bot.Bench.Delivery;
using Bot.Core.Delivery;
using Bot.Core.Fetching;
using Bot.Core.Media;
using Bot.Core.Storage.Media;
using Bot.Telegram;
using Bot.Telegram.Api;
using Bot.Telegram.Delivery;
using Bot.Telegram.Rendering;
using Bot.Testing;
using Bot.Testing.Delivery;
using Bot.Testing.Media;
using Bot.Testing.Telegram;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Bench.Media;

/// <summary>
/// (a) 1,000 articles with 5 images each archived from a loopback image host (3 images of their own, 2 from
/// a pool of 50 shared ones, one of those under a second URL), against a baseline of plain downloads of the
/// same URLs at the same concurrency; bytes on disk must equal the unique bytes served.
/// (b) photo articles delivered to private chats against the fake Bot API with Telegram's limits enforced.
/// </summary>
public sealed class MediaBenchmark : IBenchmark
{
    private const int Articles = 1_000;
    private const int OwnPerArticle = 3;
    private const int SharedPool = 50;
    private const int Chats = 40;
    private const int PhotoArticles = 6;

    public string Name => "media";

    public string Description => "1,000 articles x 5 images archived from a loopback host; photo articles against Telegram's limits";

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var archive = await ArchiveAsync(ct);
        var delivery = args.Contains("--no-delivery") ? new DeliveryFigures(0, 0, 0, 1, 0, 30) : await DeliveryAsync(ct);
        var equal = archive.DiskBytes == archive.UniqueBytesServed;

        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["images_per_sec"] = Math.Round(archive.ImagesStored / archive.Seconds, 1),
                ["references_per_sec"] = Math.Round(archive.References / archive.Seconds, 1),
                ["baseline_downloads_per_sec"] = Math.Round(archive.UrlsFetched / archive.BaselineSeconds, 1),
                ["ratio_to_baseline"] = Math.Round(archive.BaselineSeconds / archive.Seconds, 3),
                ["images_stored"] = archive.ImagesStored,
                ["bytes_on_disk"] = archive.DiskBytes,
                ["unique_bytes_served"] = archive.UniqueBytesServed,
                ["bytes_served"] = archive.BytesServed,
                ["disk_equals_unique"] = equal,
                ["photo_messages_per_sec"] = Math.Round(delivery.Messages / delivery.Seconds, 2),
                ["photo_share_of_limit"] = Math.Round(delivery.Messages / delivery.Seconds / delivery.Limit, 3),
                ["photo_deliveries"] = delivery.Deliveries,
                ["photo_uploads"] = delivery.Uploads,
                ["got_429"] = delivery.RateLimited,
            }));
            return equal ? 0 : 1;
        }

        Console.WriteLine($"archive: {Articles:N0} articles x 5 images = {archive.References:N0} references, {archive.UrlsFetched:N0} distinct URLs, concurrency {archive.Concurrency}");
        Console.WriteLine($"  elapsed                       {archive.Seconds,10:F2} s");
        Console.WriteLine($"  images stored                 {archive.ImagesStored,10:N0}     {archive.ImagesStored / archive.Seconds,8:N0} /s");
        Console.WriteLine($"  references recorded           {archive.References,10:N0}     {archive.References / archive.Seconds,8:N0} /s");
        Console.WriteLine($"  baseline: plain GETs          {archive.UrlsFetched,10:N0}     {archive.UrlsFetched / archive.BaselineSeconds,8:N0} /s   ratio {archive.BaselineSeconds / archive.Seconds:F2}");
        Console.WriteLine($"  bytes served (all URLs)       {archive.BytesServed,14:N0}");
        Console.WriteLine($"  unique bytes served           {archive.UniqueBytesServed,14:N0}");
        Console.WriteLine($"  bytes on disk                 {archive.DiskBytes,14:N0}   {(equal ? "OK: equal" : "MISMATCH")}");
        Console.WriteLine($"photo delivery: {PhotoArticles} articles (photo + text) to {Chats} private chats, fake Bot API enforcing {delivery.Limit}/s and 1/s per chat");
        Console.WriteLine($"  deliveries                    {delivery.Deliveries,10:N0}     {delivery.Deliveries / delivery.Seconds,8:F2} /s");
        Console.WriteLine($"  messages                      {delivery.Messages,10:N0}     {delivery.Messages / delivery.Seconds,8:F2} /s   share of the limit {delivery.Messages / delivery.Seconds / delivery.Limit:F3}");
        Console.WriteLine($"  photo uploads                 {delivery.Uploads,10}");
        Console.WriteLine($"  429 answers                   {delivery.RateLimited,10}");
        return equal ? 0 : 1;
    }

    private static async Task<ArchiveFigures> ArchiveAsync(CancellationToken ct)
    {
        await using var server = new ImageServer((Articles * OwnPerArticle) + SharedPool);
        await server.StartAsync(ct);
        await using var database = await TempDatabase.CreateAsync(ct);
        var sources = new List<MediaSource>(Articles);
        for (var i = 0; i < Articles; i++)
        {
            string[] urls =
            [
                .. Enumerable.Range(0, OwnPerArticle).Select(k => $"{server.BaseUrl}/img/{(i * OwnPerArticle) + k}"),
                $"{server.BaseUrl}/img/{(Articles * OwnPerArticle) + (i % SharedPool)}",
                // The same bytes under a second URL: fetched once per URL, stored once.
                $"{server.BaseUrl}/img/{(Articles * OwnPerArticle) + (((i * 7) + 13) % SharedPool)}?copy=1",
            ];
            var body = $"# 文章 {i}\n\n" + string.Join("\n\n", urls.Select((u, k) => $"![图 {k}]({u})\n\n第 {k} 段正文。"));
            sources.Add(new MediaSource(await TestArticles.InsertAsync(database.Database, $"文章 {i}", text: body, ct: ct), body, null));
        }

        var files = new MediaFiles(Path.Combine(database.Folder, "media"));
        var options = new MediaOptions();
        using var fetcher = new SafeFetcher(Options.Create(new FetchOptions { AllowPrivateAddresses = true }), TimeProvider.System, NullLogger<SafeFetcher>.Instance);
        var archiver = new MediaArchiver(new SqliteMediaCatalog(database.Database, TimeProvider.System), files, new SafeMediaFetcher(fetcher), Options.Create(options), TimeProvider.System, NullLogger<MediaArchiver>.Instance);

        var clock = Stopwatch.StartNew();
        var summary = await archiver.ArchiveAsync(sources, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        if (summary.Failed > 0)
        {
            throw new InvalidOperationException($"{summary.Failed} images failed to archive");
        }

        var (fetched, served, unique) = (server.Requests, server.BytesServed, server.UniqueBytesServed);
        var disk = new DirectoryInfo(files.Folder).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => !f.Name.EndsWith(".partial", StringComparison.Ordinal)).ToList();
        var baseline = await PlainDownloadsAsync([.. sources.SelectMany(s => ImageReferences.FromMarkdown(s.Body, null, 50)).Select(r => r.Url).Distinct(StringComparer.Ordinal)], options.Concurrency, ct);
        return new ArchiveFigures(options.Concurrency, Articles * 5, fetched, disk.Count, seconds, baseline, served, unique, disk.Sum(f => f.Length));
    }

    /// <summary>The floor: the same URLs read into memory by a bare HttpClient at the same concurrency, nothing checked or stored.</summary>
    private static async Task<double> PlainDownloadsAsync(IReadOnlyList<string> urls, int concurrency, CancellationToken ct)
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (url, c) => await http.GetByteArrayAsync(url, c));
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<DeliveryFigures> DeliveryAsync(CancellationToken ct)
    {
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = true }, ct: ct);
        await using var database = await TempDatabase.CreateAsync(ct);
        await DeliveryBenchmark.InsertSubscriptionsAsync(database.Database, Chats, ct);
        var files = new MediaFiles(Path.Combine(database.Folder, "media"));
        var catalog = new SqliteMediaCatalog(database.Database, TimeProvider.System);
        var limits = PlatformRateOptions.TelegramDefaults();
        var options = new DeliveryOptions { Telegram = limits, Images = DeliveryImageMode.Lead };
        var telegramOptions = Options.Create(new TelegramOptions { Token = telegram.Token, ApiBaseUrl = telegram.BaseUrl, RequestTimeoutSeconds = 60 });
        using var httpClient = new HttpClient();
        var api = new TelegramApi(httpClient, telegramOptions, TimeProvider.System);
        var uploads = new MediaUploads(catalog, files, TimeProvider.System);
        var channel = new CountingChannel(
            new TelegramDeliveryChannel(api, new TelegramArticleRenderer(), new TelegramPartSender(api, uploads), telegramOptions, Options.Create(options), NullLogger<TelegramDeliveryChannel>.Instance),
            Chats * PhotoArticles);
        var (publishing, worker, signal) = DeliveryBenchmark.Pipeline(database.Database, options, channel);
        using var _ = signal;
        for (var i = 0; i < PhotoArticles; i++)
        {
            var url = $"https://img.example/lead-{i}.png";
            var body = $"![封面]({url})\n\n" + string.Join("\n\n", Enumerable.Range(0, 12).Select(k => $"第 {k} 段，" + new string('字', 90)));
            var id = await TestArticles.InsertAsync(database.Database, $"图文 {i}", text: body, ct: ct);
            var bytes = TestImages.Png(640, 480, (byte)(i * 40));
            await catalog.SetReferencesAsync(id, [new ImageReference(url, "封面")], ct);
            await catalog.RecordStoredAsync(url, ImageArticles.Stored(0, url, bytes).Stored!, ct);
            await files.WriteAsync(bytes, ct);
            await publishing.PublishNowAsync(id, ct);
        }

        var clock = Stopwatch.StartNew();
        await worker.StartAsync(ct);
        await channel.Done.Task.WaitAsync(TimeSpan.FromMinutes(5), ct);
        var seconds = clock.Elapsed.TotalSeconds;
        await worker.StopAsync(ct);
        Console.Error.WriteLine($"fake flood refusals: chat {telegram.FloodRefusals.Chat}, global {telegram.FloodRefusals.Global}");
        return new DeliveryFigures(Chats * PhotoArticles, channel.Messages, telegram.PhotoUploads, seconds, channel.RateLimited, limits.GlobalPerSecond);
    }

    private sealed record ArchiveFigures(int Concurrency, int References, int UrlsFetched, int ImagesStored, double Seconds, double BaselineSeconds, long BytesServed, long UniqueBytesServed, long DiskBytes);

    private sealed record DeliveryFigures(int Deliveries, int Messages, int Uploads, double Seconds, int RateLimited, double Limit);
}
