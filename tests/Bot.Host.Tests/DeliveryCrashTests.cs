using System.Text;
using Bot.Core;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Publishing;
using Bot.Core.Subscriptions;
using Bot.Testing;
using Bot.Testing.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Bot.Host.Tests;

/// <summary>
/// The real host as a child process delivers 10,000 messages to the loopback fake Telegram and is
/// killed with SIGKILL three times on the way: nothing may be lost, and at most the sends in flight
/// at each kill (the worker's concurrency) may arrive twice.
/// </summary>
public sealed class DeliveryCrashTests(ITestOutputHelper output)
{
    private const int Chats = 10_000;
    private const int Kills = 3;
    private const int Concurrency = 8;

    [Fact]
    public async Task Delivery_KilledThreeTimesMidway_LosesNothingAndDuplicatesAtMostTheInFlight()
    {
        await using var db = await TempDatabase.CreateAsync();
        // Limits off in both the fake and the bot: this test is about crashes, not pacing.
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = false });
        var articleId = await SeedAsync(db.Path);

        var environment = new Dictionary<string, string>
        {
            ["Database__Path"] = db.Path,
            ["Telegram__Token"] = telegram.Token,
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram__PollTimeoutSeconds"] = "1",
            ["Delivery__Concurrency"] = Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery__LeaseSeconds"] = "5",
            ["Delivery__PollSeconds"] = "0.2",
            ["Delivery__Telegram__GlobalPerSecond"] = "0",
            ["Delivery__Telegram__PrivatePerSecond"] = "0",
            ["Delivery__Telegram__GroupPerMinute"] = "0",
        };

        for (var kill = 1; kill <= Kills; kill++)
        {
            await using var bot = BotProcess.Start(db.Folder, environment, "run");
            var target = kill * Chats / (Kills + 1);
            await WaitAsync(() => telegram.Messages.Count >= target || bot.HasExited, TimeSpan.FromMinutes(3), $"{target} messages before kill {kill}", bot);
            Assert.False(bot.HasExited, $"the bot exited by itself before kill {kill}: {bot.Stderr}");
            bot.Kill();
            output.WriteLine($"kill {kill}: {telegram.Messages.Count} messages so far");
        }

        await using (var last = BotProcess.Start(db.Folder, environment, "run"))
        {
            await WaitAsync(() => Distinct(telegram) >= Chats || last.HasExited, TimeSpan.FromMinutes(3), "every chat served", last);
            await WaitAsync(() => PendingAsync(db.Path, articleId).GetAwaiter().GetResult() == 0, TimeSpan.FromMinutes(1), "the outbox drained", last);
            last.Kill();
        }

        var perChat = telegram.Messages.GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        var lost = Enumerable.Range(1, Chats).Count(id => !perChat.ContainsKey(id));
        var duplicates = perChat.Values.Sum(n => n - 1);
        output.WriteLine($"messages {telegram.Messages.Count}, lost {lost}, duplicates {duplicates}");
        Assert.Equal(0, lost);
        Assert.InRange(duplicates, 0, Concurrency * Kills);
        var stats = await StatsAsync(db.Path, articleId);
        Assert.Equal(new DeliveryStats(0, Chats, 0), stats);
    }

    private static int Distinct(FakeTelegramServer telegram) => telegram.Messages.Select(m => m.ChatId).Distinct().Count();

    private static async Task WaitAsync(Func<bool> condition, TimeSpan limit, string what, BotProcess bot)
    {
        // Polls the real child process: its progress is real time, not a clock this test could fake.
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {limit} for {what}. bot stderr:\n{bot.Stderr}");
            }

            await Task.Delay(100);
        }
    }

    private static ServiceProvider Core(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Path"] = path }).Build();
        var services = new ServiceCollection().AddLogging().AddBotCore(configuration);
        services.RemoveAll<IHostedService>();
        return services.BuildServiceProvider();
    }

    private static async Task<long> SeedAsync(string path)
    {
        await using var services = Core(path);
        var subscriptions = services.GetRequiredService<ISubscriptionService>();
        for (var id = 1; id <= Chats; id++)
        {
            await subscriptions.SubscribeAsync(new ChatRef(Platform.Telegram, id.ToString(System.Globalization.CultureInfo.InvariantCulture), ChatKind.Private), SubscriptionFilter.Everything, CancellationToken.None);
        }

        var parsed = services.GetRequiredService<IArticleParser>().Parse("crash.md", Encoding.UTF8.GetBytes("---\ntitle: 崩溃测试\ntags: [测试]\n---\n\n每个订阅者都必须恰好收到一次。"));
        var draft = await services.GetRequiredService<IArticleStore>().CreateDraftAsync(parsed.Article! with { SourceFile = null }, CancellationToken.None);
        var published = await services.GetRequiredService<IPublishingService>().PublishNowAsync(draft.Id, CancellationToken.None);
        Assert.Equal(Chats, published.Deliveries);
        return draft.Id;
    }

    private static async Task<DeliveryStats> StatsAsync(string path, long articleId)
    {
        await using var services = Core(path);
        return await services.GetRequiredService<IPublishingService>().StatsAsync(articleId, CancellationToken.None);
    }

    private static async Task<int> PendingAsync(string path, long articleId) => (await StatsAsync(path, articleId)).Pending;
}
