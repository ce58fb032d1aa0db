using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bot.Core;
using Bot.Core.Articles;
using Bot.Telegram;
using Bot.Testing;
using Bot.Testing.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Bench.Telegram;

/// <summary>
/// 200 simulated users, each sending 5 commands one after the other (the next once the reply came),
/// to the real composition (AddBotCore + AddTelegram, long polling) against the loopback fake, whose
/// every answer waits a simulated network round trip. Measures reply latency (push → first message
/// back) and updates handled per second; the baseline in the same run is one bare sendMessage round
/// trip to the same fake, and the whole run once with one update at a time (as before).
/// </summary>
public sealed class UpdatesBenchmark : IBenchmark
{
    private const int Users = 200;
    private const int CommandsPerUser = 5;
    private const int Articles = 300;
    private const long FirstChat = 500_000;

    private static readonly string[] Script = ["/search 朝鲜", "/latest 3", "/help", "/search 普京 -乌克兰", "/tags"];

    public string Name => "telegram-updates";

    public string Description => "200 users x 5 commands through long polling against the loopback fake: reply p50/p95, updates/s";

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var rtt = TimeSpan.FromMilliseconds(Option(args, "--rtt-ms", 20));
        var inFlight = Option(args, "--in-flight", 32);

        // The baseline, in the same run: one update at a time (MaxUpdatesInFlight = 1), as the adapter
        // handled them before updates ran side by side.
        var sequential = await RunOnceAsync(1, rtt, ct);
        var concurrent = await RunOnceAsync(inFlight, rtt, ct);
        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                users = Users,
                commands = Users * CommandsPerUser,
                simulated_rtt_ms = rtt.TotalMilliseconds,
                baseline_send_ms = concurrent.BaselineSendMs,
                sequential,
                concurrent,
                updates_per_sec_ratio = concurrent.UpdatesPerSecond / sequential.UpdatesPerSecond,
                p50_ratio = concurrent.P50Ms / sequential.P50Ms,
            }));
            return 0;
        }

        Console.WriteLine($"{Users} users x {CommandsPerUser} commands ({Users * CommandsPerUser} updates), simulated round trip {rtt.TotalMilliseconds} ms per Bot API call");
        Console.WriteLine($"baseline: one bare sendMessage   {concurrent.BaselineSendMs,9:F1} ms");
        Console.WriteLine("                                 in flight   reply p50   reply p95    updates/s   messages");
        foreach (var (label, f) in new[] { ("one at a time (before)", sequential), ("side by side (after)", concurrent) })
        {
            Console.WriteLine($"{label,-32} {f.InFlight,9} {f.P50Ms,9:F0} ms {f.P95Ms,9:F0} ms {f.UpdatesPerSecond,10:F1} {f.Messages,10}");
        }

        Console.WriteLine($"after / before: updates/s {concurrent.UpdatesPerSecond / sequential.UpdatesPerSecond:F2}x, p50 {concurrent.P50Ms / sequential.P50Ms:F2}x, p95 {concurrent.P95Ms / sequential.P95Ms:F2}x");
        return 0;
    }

    private static async Task<Figures> RunOnceAsync(int inFlight, TimeSpan rtt, CancellationToken ct)
    {
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = false, ResponseDelay = rtt }, ct: ct);
        await using var database = await TempDatabase.CreateAsync(ct);
        using var host = BuildHost(fake, database, inFlight);
        await host.StartAsync(ct);
        await ImportAsync(host.Services, ct);

        var baseline = await BaselineAsync(fake, ct);
        var replies = new ConcurrentDictionary<long, Channel>();
        fake.MessageSent += m =>
        {
            if (replies.TryGetValue(m.ChatId, out var channel))
            {
                channel.Received();
            }
        };

        var latencies = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Users).Select(u => Task.Run(() => UserAsync(fake, FirstChat + u, replies, latencies, ct), ct)));
        watch.Stop();
        var sorted = latencies.Order().ToArray();
        var messages = fake.Messages.Count(m => m.ChatId >= FirstChat);
        await host.StopAsync(ct);
        return new Figures(inFlight, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Users * CommandsPerUser / watch.Elapsed.TotalSeconds, messages, baseline);
    }

    private static async Task UserAsync(FakeTelegramServer fake, long chatId, ConcurrentDictionary<long, Channel> replies, ConcurrentBag<double> latencies, CancellationToken ct)
    {
        var channel = replies.GetOrAdd(chatId, _ => new Channel());
        foreach (var command in Script)
        {
            var reply = channel.Next();
            var started = Stopwatch.GetTimestamp();
            fake.PushMessage(chatId, chatId, command);
            await reply.WaitAsync(TimeSpan.FromMinutes(5), ct);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static async Task<double> BaselineAsync(FakeTelegramServer fake, CancellationToken ct)
    {
        using var http = new HttpClient();
        var url = $"{fake.BaseUrl}/bot{fake.Token}/sendMessage";
        var times = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var content = new StringContent($$"""{"chat_id":{{FirstChat - 1}},"text":"ping"}""", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, ct);
            response.EnsureSuccessStatusCode();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Percentile([.. times.Skip(5).Order()], 0.5);
    }

    private static async Task ImportAsync(IServiceProvider services, CancellationToken ct)
    {
        var parser = services.GetRequiredService<IArticleParser>();
        var store = services.GetRequiredService<IArticleStore>();
        var topics = new[] { "朝鲜", "普京", "乌克兰", "经济", "选举" };
        for (var i = 0; i < Articles; i++)
        {
            var body = string.Join("\n\n", Enumerable.Range(0, 8).Select(p => $"第{p}段：{topics[(i + p) % topics.Length]}的局势与{topics[(i * 3 + p) % topics.Length]}有关。" + string.Concat(Enumerable.Repeat("这是一个用于测试的句子。", 20))));
            var markdown = $"---\ntitle: 文章 {i} {topics[i % topics.Length]}\ndate: 2026-01-{1 + (i % 28):00}\ntags: [{topics[i % topics.Length]}, 国际]\n---\n\n{body}\n";
            var parsed = parser.Parse($"a{i}.md", Encoding.UTF8.GetBytes(markdown));
            await store.ImportAsync(parsed.Article!, ct);
        }
    }

    private static IHost BuildHost(FakeTelegramServer fake, TempDatabase database, int inFlight)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = database.Path,
            ["Telegram:Token"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "5",
            ["Telegram:MaxUpdatesInFlight"] = inFlight.ToString(CultureInfo.InvariantCulture),
            ["Bot:TimeZone"] = "UTC",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddTelegram(builder.Configuration);
        return builder.Build();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed record Figures(int InFlight, double P50Ms, double P95Ms, double UpdatesPerSecond, int Messages, double BaselineSendMs);

    // One user's chat: each command waits for the first message that arrives after it was sent.
    private sealed class Channel
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource? _waiting;

        public Task Next()
        {
            lock (_lock)
            {
                _waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _waiting.Task;
            }
        }

        public void Received()
        {
            lock (_lock)
            {
                _waiting?.TrySetResult();
                _waiting = null;
            }
        }
    }
}
