using System.Globalization;
using System.Text;
using Bot.Core;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Publishing;
using Bot.Core.Subscriptions;
using Bot.Testing.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Bot.Host.Tests;

/// <summary>One published article fanned out to N private Telegram chats, for the host to deliver to the fake.</summary>
public static class DeliveryScenario
{
    public static Dictionary<string, string> Environment(string databasePath, FakeTelegramServer telegram, int concurrency, int leaseSeconds) => new()
    {
        ["Database__Path"] = databasePath,
        ["Telegram__Token"] = telegram.Token,
        ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
        ["Telegram__PollTimeoutSeconds"] = "1",
        ["Delivery__Concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
        ["Delivery__LeaseSeconds"] = leaseSeconds.ToString(CultureInfo.InvariantCulture),
        ["Delivery__PollSeconds"] = "0.2",
        // Limits off in both the fake and the bot: these tests are about crashes and restarts, not pacing.
        ["Delivery__Telegram__GlobalPerSecond"] = "0",
        ["Delivery__Telegram__PrivatePerSecond"] = "0",
        ["Delivery__Telegram__GroupPerMinute"] = "0",
    };

    public static async Task<long> SeedAsync(string databasePath, int chats)
    {
        await using var services = Core(databasePath);
        var subscriptions = services.GetRequiredService<ISubscriptionService>();
        for (var id = 1; id <= chats; id++)
        {
            await subscriptions.SubscribeAsync(new ChatRef(Platform.Telegram, id.ToString(CultureInfo.InvariantCulture), ChatKind.Private), SubscriptionFilter.Everything, CancellationToken.None);
        }

        var parsed = services.GetRequiredService<IArticleParser>().Parse("crash.md", Encoding.UTF8.GetBytes("---\ntitle: 崩溃测试\ntags: [测试]\n---\n\n每个订阅者都必须恰好收到一次。"));
        var draft = await services.GetRequiredService<IArticleStore>().CreateDraftAsync(parsed.Article! with { SourceFile = null }, CancellationToken.None);
        var published = await services.GetRequiredService<IPublishingService>().PublishNowAsync(draft.Id, CancellationToken.None);
        Assert.Equal(chats, published.Deliveries);
        return draft.Id;
    }

    public static async Task<DeliveryStats> StatsAsync(string databasePath, long articleId)
    {
        await using var services = Core(databasePath);
        return await services.GetRequiredService<IPublishingService>().StatsAsync(articleId, CancellationToken.None);
    }

    public static (int Lost, int Duplicates) Count(FakeTelegramServer telegram, int chats)
    {
        var perChat = telegram.Messages.GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        return (Enumerable.Range(1, chats).Count(id => !perChat.ContainsKey(id)), perChat.Values.Sum(n => n - 1));
    }

    public static int Distinct(FakeTelegramServer telegram) => telegram.Messages.Select(m => m.ChatId).Distinct().Count();

    /// <summary>Polls a real child process: its progress is real time, not a clock a test could fake.</summary>
    public static async Task WaitAsync(Func<bool> condition, TimeSpan limit, string what, BotProcess bot)
    {
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
}
