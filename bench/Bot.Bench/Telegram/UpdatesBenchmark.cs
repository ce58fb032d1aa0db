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
/// trip to the same fake.
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
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = false, ResponseDelay = rtt }, ct: ct);
        await using var database = await TempDatabase.CreateAsync(ct);
        using var host = BuildHost(fake, database);
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

        var result = new
        {
            users = Users,
            commands = Users * CommandsPerUser,
            simulated_rtt_ms = rtt.TotalMilliseconds,
            reply_p50_ms = Percentile(sorted, 0.50),
            reply_p95_ms = Percentile(sorted, 0.95),
            updates_per_sec = Users * CommandsPerUser / watch.Elapsed.TotalSeconds,
            seconds = watch.Elapsed.TotalSeconds,
            baseline_send_ms = baseline,
            p50_in_round_trips = Percentile(sorted, 0.50) / baseline,
            messages_sent = messages,
        };
        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }

        Console.WriteLine($"{result.users} users x {CommandsPerUser} commands ({result.commands} updates), simulated round trip {result.simulated_rtt_ms} ms, {result.messages_sent} messages back");
        Console.WriteLine($"baseline: one bare sendMessage     {result.baseline_send_ms,9:F1} ms");
        Console.WriteLine($"reply p50                          {result.reply_p50_ms,9:F1} ms   ({result.p50_in_round_trips:F1}x the baseline)");
        Console.WriteLine($"reply p95                          {result.reply_p95_ms,9:F1} ms");
        Console.WriteLine($"updates handled                    {result.updates_per_sec,9:F1} /s   ({result.seconds:F1} s)");
        return 0;
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

    private static IHost BuildHost(FakeTelegramServer fake, TempDatabase database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = database.Path,
            ["Telegram:Token"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "5",
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
