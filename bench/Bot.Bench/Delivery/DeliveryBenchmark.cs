using System.Diagnostics;
using System.Text.Json;
using Bot.Core.Configuration;
using Bot.Core.Delivery;
using Bot.Core.Publishing;
using Bot.Core.Search.Sqlite;
using Bot.Core.Storage;
using Bot.Core.Subscriptions;
using Bot.Testing;
using Bot.Testing.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Bench.Delivery;

/// <summary>
/// (a) One article fanned out to 100,000 subscriptions and delivered into a sink, against a baseline
/// of the same number of bare one-row SQLite update transactions in the same run;
/// (b) a paced run against a loopback fake that enforces Telegram's limits with 429s.
/// </summary>
public sealed class DeliveryBenchmark : IBenchmark
{
    private static int FanOutSubscriptions = 100_000;
    private const int PacedChats = 60;
    private const int PacedArticles = 12;

    public string Name => "delivery";

    public string Description => "fan-out of one article to 100k subscriptions, and a paced run against Telegram's limits";

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var json = args.Contains("--json");
        var only = Array.IndexOf(args, "--subscriptions");
        if (only >= 0 && only + 1 < args.Length)
        {
            FanOutSubscriptions = int.Parse(args[only + 1], System.Globalization.CultureInfo.InvariantCulture);
        }

        var fanOut = await FanOutAsync(ct);
        var paced = args.Contains("--no-paced") ? new PacedFigures(0, 1, 0, 1, 0, 0) : await PacedAsync(ct);
        var mixedSeconds = Array.IndexOf(args, "--mixed-seconds") is var m and >= 0 && m + 1 < args.Length
            ? int.Parse(args[m + 1], System.Globalization.CultureInfo.InvariantCulture)
            : 20;
        var noMixed = args.Contains("--no-mixed");
        var empty = new MixedFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);
        var mixed = noMixed ? empty : await MixedRun.RunAsync(replyBudget: true, TimeSpan.FromSeconds(mixedSeconds), Pipeline, ct);
        var baseline = noMixed ? empty : await MixedRun.RunAsync(replyBudget: false, TimeSpan.FromSeconds(mixedSeconds), Pipeline, ct);

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["deliveries_per_sec"] = Math.Round(fanOut.DeliveriesPerSecond),
                ["peak_mb"] = Math.Round(fanOut.PeakMb),
                ["paced_ratio"] = Math.Round(paced.Ratio, 3),
                ["got_429"] = paced.Refused,
                ["mixed_reply_p95_ms"] = Math.Round(mixed.ReplyP95Ms, 1),
                ["mixed_got_429"] = mixed.Got429,
                ["mixed_paced_ratio"] = Math.Round(mixed.PacedRatio, 3),
                ["mixed_baseline_reply_p95_ms"] = Math.Round(baseline.ReplyP95Ms, 1),
                ["mixed_baseline_got_429"] = baseline.Got429,
            }));
            return 0;
        }

        Console.WriteLine($"fan-out to {FanOutSubscriptions:N0} subscriptions (sink, no limits, concurrency {fanOut.Concurrency})");
        Console.WriteLine($"  fan-out transaction           {fanOut.FanOutSeconds,8:F2} s");
        Console.WriteLine($"  delivered                     {fanOut.DeliveriesPerSecond,8:N0} /s   ({fanOut.DeliverSeconds:F2} s)");
        Console.WriteLine($"  baseline: bare update commits {fanOut.BaselinePerSecond,8:N0} /s   ratio {fanOut.DeliveriesPerSecond / fanOut.BaselinePerSecond:F2}");
        Console.WriteLine($"  peak working set              {fanOut.PeakMb,8:F0} MB");
        Console.WriteLine($"paced: {paced.Deliveries} deliveries to {PacedChats} private chats, limit {paced.Limit}/s (burst {paced.Burst}), 1/s per chat");
        Console.WriteLine($"  elapsed                       {paced.Seconds,8:F2} s");
        Console.WriteLine($"  rate after the burst          {paced.Ratio * paced.Limit,8:F2} /s   ratio {paced.Ratio:F3}");
        Console.WriteLine($"  rate including the burst      {paced.Deliveries / paced.Seconds,8:F2} /s");
        Console.WriteLine($"  429 answers                   {paced.Refused,8}");
        Console.WriteLine($"mixed: broadcast to {mixed.Chats:N0} chats while {mixed.Readers} readers send a command every 2 s ({mixed.Seconds:F0} s)");
        Console.WriteLine($"                                with reply budget   baseline (replies around the limiter)");
        Console.WriteLine($"  deliveries                    {mixed.Deliveries,8}            {baseline.Deliveries,8}");
        Console.WriteLine($"  replies                       {mixed.Replies,8}            {baseline.Replies,8}");
        Console.WriteLine($"  reply p50                     {mixed.ReplyP50Ms,8:F1} ms         {baseline.ReplyP50Ms,8:F1} ms");
        Console.WriteLine($"  reply p95                     {mixed.ReplyP95Ms,8:F1} ms         {baseline.ReplyP95Ms,8:F1} ms");
        Console.WriteLine($"  429 answers                   {mixed.Got429,8}            {baseline.Got429,8}");
        Console.WriteLine($"  share of 30/s used            {mixed.PacedRatio,8:F3}            {baseline.PacedRatio,8:F3}");
        return 0;
    }

    private static async Task<FanOutFigures> FanOutAsync(CancellationToken ct)
    {
        await using var database = await TempDatabase.CreateAsync(ct);
        await InsertSubscriptionsAsync(database.Database, FanOutSubscriptions, ct);
        var options = new DeliveryOptions { Concurrency = 16, BatchSize = 256, Telegram = new PlatformRateOptions() };
        var sink = new SinkChannel(FanOutSubscriptions);
        var (publishing, worker, signal) = Pipeline(database.Database, options, sink);
        using var _ = signal;

        var articleId = await TestArticles.InsertAsync(database.Database, "基准测试", ct: ct);
        var clock = Stopwatch.StartNew();
        var outcome = await publishing.PublishNowAsync(articleId, ct);
        var fanOutSeconds = clock.Elapsed.TotalSeconds;
        if (outcome.Deliveries != FanOutSubscriptions)
        {
            throw new InvalidOperationException($"fan-out wrote {outcome.Deliveries} deliveries");
        }

        clock.Restart();
        await worker.StartAsync(ct);
        await sink.Done.WaitAsync(ct);
        var deliverSeconds = clock.Elapsed.TotalSeconds;
        await worker.StopAsync(ct);
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        var stats = await publishing.StatsAsync(articleId, ct);
        if (stats.Sent != FanOutSubscriptions)
        {
            throw new InvalidOperationException($"only {stats.Sent} deliveries are marked sent");
        }

        var baseline = await BareUpdatesPerSecondAsync(database.Database, FanOutSubscriptions, ct);
        return new FanOutFigures(options.Concurrency, fanOutSeconds, deliverSeconds, FanOutSubscriptions / deliverSeconds, baseline, peakMb);
    }

    private static async Task<PacedFigures> PacedAsync(CancellationToken ct)
    {
        var limits = PlatformRateOptions.TelegramDefaults();
        // The fake allows Telegram's full second of burst; the worker keeps a smaller one of its own.
        await using var fake = new TelegramLimitsFake(limits.GlobalPerSecond, (int)limits.GlobalPerSecond, limits.PrivatePerSecond);
        await fake.StartAsync(ct);
        await using var database = await TempDatabase.CreateAsync(ct);
        await InsertSubscriptionsAsync(database.Database, PacedChats, ct);
        var deliveries = PacedChats * PacedArticles;
        using var http = new HttpClient { BaseAddress = new Uri(fake.BaseUrl + "/") };
        var channel = new HttpDeliveryChannel(http, deliveries);
        var (publishing, worker, signal) = Pipeline(database.Database, new DeliveryOptions { Telegram = limits }, channel);
        using var _ = signal;
        for (var i = 0; i < PacedArticles; i++)
        {
            await publishing.PublishNowAsync(await TestArticles.InsertAsync(database.Database, $"文章 {i}", ct: ct), ct);
        }

        var clock = Stopwatch.StartNew();
        await worker.StartAsync(ct);
        await channel.Done.WaitAsync(ct);
        var seconds = clock.Elapsed.TotalSeconds;
        await worker.StopAsync(ct);
        // The bucket lets the first GlobalBurst messages go at once; the rate that matters is the one after.
        var ratio = (deliveries - limits.GlobalBurst) / seconds / limits.GlobalPerSecond;
        return new PacedFigures(deliveries, limits.GlobalPerSecond, limits.GlobalBurst, seconds, ratio, fake.Refused);
    }

    internal static (SqlitePublishingService Publishing, DeliveryWorker Worker, DeliverySignal Signal) Pipeline(SqliteDatabase database, DeliveryOptions options, IDeliveryChannel channel) =>
        Pipeline(database, options, channel, new DeliveryRateLimiter(Options.Create(options), TimeProvider.System));

    private static (SqlitePublishingService Publishing, DeliveryWorker Worker, DeliverySignal Signal) Pipeline(SqliteDatabase database, DeliveryOptions options, IDeliveryChannel channel, DeliveryRateLimiter limiter)
    {
        var signal = new DeliverySignal();
        var cache = new ArticleCache(new RowArticleStore(database));
        var time = TimeProvider.System;
        var publishing = new SqlitePublishingService(database, signal, cache, new SqliteArticleIndex(), time, NullLogger<SqlitePublishingService>.Instance);
        var zones = new ChatTimeZones(Options.Create(new BotOptions()));
        var worker = new DeliveryWorker(
            new DeliveryOutbox(database, time, zones),
            [channel],
            cache,
            new DigestComposer(database, zones, new Bot.Core.Links.ArticleLinks(Options.Create(new Bot.Core.Links.PublicUrlOptions()), Options.Create(new BotOptions()))),
            limiter,
            signal,
            time,
            Options.Create(options),
            NullLogger<DeliveryWorker>.Instance);
        return (publishing, worker, signal);
    }

    internal static async Task InsertSubscriptionsAsync(SqliteDatabase database, int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO subscriptions (platform, chat_id, chat_kind, created_at, modified_at)
            VALUES ('telegram', $chat, 'private', 0, 0)
            """;
        var chat = command.Parameters.Add("$chat", Microsoft.Data.Sqlite.SqliteType.Text);
        for (var i = 0; i < count; i++)
        {
            chat.Value = (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The naive design's floor: one committed one-row UPDATE per delivery, nothing else.</summary>
    private static async Task<double> BareUpdatesPerSecondAsync(SqliteDatabase database, int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE deliveries SET finished_at = $now WHERE id = $id";
        var id = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Integer);
        command.Parameters.AddWithValue("$now", 1);
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= count; i++)
        {
            id.Value = i;
            await command.ExecuteNonQueryAsync(ct);
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private sealed record FanOutFigures(int Concurrency, double FanOutSeconds, double DeliverSeconds, double DeliveriesPerSecond, double BaselinePerSecond, double PeakMb);

    private sealed record PacedFigures(int Deliveries, double Limit, int Burst, double Seconds, double Ratio, int Refused);
}
