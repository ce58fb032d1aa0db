using Bot.Core.Publishing;
using Bot.Testing;
using Bot.Testing.Telegram;
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
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = false });
        var articleId = await DeliveryScenario.SeedAsync(db.Path, Chats);
        var environment = DeliveryScenario.Environment(db.Path, telegram, Concurrency, leaseSeconds: 5);

        for (var kill = 1; kill <= Kills; kill++)
        {
            await using var bot = BotProcess.Start(db.Folder, environment, "run");
            var target = kill * Chats / (Kills + 1);
            await DeliveryScenario.WaitAsync(() => telegram.Messages.Count >= target || bot.HasExited, TimeSpan.FromMinutes(3), $"{target} messages before kill {kill}", bot);
            Assert.False(bot.HasExited, $"the bot exited by itself before kill {kill}: {bot.Stderr}");
            bot.Kill();
            output.WriteLine($"kill {kill}: {telegram.Messages.Count} messages so far");
        }

        await using (var last = BotProcess.Start(db.Folder, environment, "run"))
        {
            await DeliveryScenario.WaitAsync(() => DeliveryScenario.Distinct(telegram) >= Chats || last.HasExited, TimeSpan.FromMinutes(3), "every chat served", last);
            await DeliveryScenario.WaitAsync(() => DeliveryScenario.StatsAsync(db.Path, articleId).GetAwaiter().GetResult().Pending == 0, TimeSpan.FromMinutes(1), "the outbox drained", last);
        }

        var (lost, duplicates) = DeliveryScenario.Count(telegram, Chats);
        output.WriteLine($"messages {telegram.Messages.Count}, lost {lost}, duplicates {duplicates}");
        Assert.Equal(0, lost);
        Assert.InRange(duplicates, 0, Concurrency * Kills);
        Assert.Equal(new DeliveryStats(0, Chats, 0), await DeliveryScenario.StatsAsync(db.Path, articleId));
    }
}
