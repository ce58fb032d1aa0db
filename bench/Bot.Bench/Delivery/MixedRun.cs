using System.Diagnostics;
using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Storage;
using Bot.Testing;
using Bot.Testing.Delivery;
using Microsoft.Extensions.Options;

namespace Bot.Bench.Delivery;

/// <summary>What the mixed run measured: replies' latency and 429s, and the share of the platform's rate used.</summary>
internal sealed record MixedFigures(int Chats, int Readers, double Seconds, int Deliveries, int Replies, double ReplyP50Ms, double ReplyP95Ms, int Got429, double PacedRatio);

/// <summary>
/// A paced broadcast to 10,000 chats against the loopback fake that enforces Telegram's limits, while
/// 20 simulated readers each send a command every 2 s and get one reply. With the reply budget the
/// replies take their tokens from the delivery limiter, ahead of the broadcast; the baseline sends them
/// straight to the platform, as adapters did before, in the same run.
/// </summary>
internal static class MixedRun
{
    public const int Chats = 10_000;
    public const int Readers = 20;
    private static readonly TimeSpan CommandEvery = TimeSpan.FromSeconds(2);

    public static async Task<MixedFigures> RunAsync(bool replyBudget, TimeSpan duration, Func<SqliteDatabase, DeliveryOptions, IDeliveryChannel, DeliveryRateLimiter, (Core.Publishing.SqlitePublishingService Publishing, DeliveryWorker Worker, DeliverySignal Signal)> pipeline, CancellationToken ct)
    {
        var limits = PlatformRateOptions.TelegramDefaults();
        await using var fake = new TelegramLimitsFake(limits.GlobalPerSecond, (int)limits.GlobalPerSecond, limits.PrivatePerSecond);
        await fake.StartAsync(ct);
        await using var database = await TempDatabase.CreateAsync(ct);
        await DeliveryBenchmark.InsertSubscriptionsAsync(database.Database, Chats, ct);
        using var http = new HttpClient { BaseAddress = new Uri(fake.BaseUrl + "/") };
        var options = new DeliveryOptions { Telegram = limits };
        var limiter = new DeliveryRateLimiter(Options.Create(options), TimeProvider.System);
        var channel = new HttpDeliveryChannel(http, Chats);
        var (publishing, worker, signal) = pipeline(database.Database, options, channel, limiter);
        using var _ = signal;
        await publishing.PublishNowAsync(await TestArticles.InsertAsync(database.Database, "广播", ct: ct), ct);

        var clock = Stopwatch.StartNew();
        await worker.StartAsync(ct);
        var latencies = new List<double>();
        var readers = Enumerable.Range(0, Readers).Select(i => ReaderAsync(i)).ToList();
        // The first seconds spend the platform's saved burst; the rate that matters is the one after.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var (startAccepted, startAt) = (fake.Accepted, clock.Elapsed.TotalSeconds);
        await Task.WhenAll(readers);
        var (endAccepted, endAt) = (fake.Accepted, clock.Elapsed.TotalSeconds);
        await worker.StopAsync(ct);

        latencies.Sort();
        var ratio = (endAccepted - startAccepted) / (endAt - startAt) / limits.GlobalPerSecond;
        return new MixedFigures(Chats, Readers, endAt, channel.Sent, latencies.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.95), fake.Refused, ratio);

        async Task ReaderAsync(int reader)
        {
            var chat = $"reader{reader}";
            // Readers are spread over the 2 s so commands arrive evenly, as they would from people.
            await Task.Delay(CommandEvery * reader / Readers, ct);
            while (clock.Elapsed < duration)
            {
                var sentAt = clock.Elapsed;
                if (replyBudget)
                {
                    await limiter.AcquireReplyAsync(Platform.Telegram, chat, ChatKind.Private, ct);
                }

                using (await http.PostAsync(new Uri($"send/{chat}", UriKind.Relative), null, ct))
                {
                }

                lock (latencies)
                {
                    latencies.Add((clock.Elapsed - sentAt).TotalMilliseconds);
                }

                var next = sentAt + CommandEvery - clock.Elapsed;
                if (next > TimeSpan.Zero)
                {
                    await Task.Delay(next, ct);
                }
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
