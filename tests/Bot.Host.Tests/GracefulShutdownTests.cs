using System.Diagnostics;
using Bot.Core.Publishing;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.Host.Tests;

public sealed class GracefulShutdownTests
{
    private const int Chats = 3_000;
    private const int Concurrency = 8;

    [Fact]
    public async Task Sigterm_MidDelivery_ExitsCleanlyAndReleasesLeases()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = false });
        var articleId = await DeliveryScenario.SeedAsync(db.Path, Chats);
        // Hour-long leases: had the first process kept any, the second could not finish within the test.
        var environment = DeliveryScenario.Environment(db.Path, telegram, Concurrency, leaseSeconds: 3600);

        await using (var first = BotProcess.Start(db.Folder, environment, "run"))
        {
            await DeliveryScenario.WaitAsync(() => telegram.Messages.Count >= Chats / 3 || first.HasExited, TimeSpan.FromMinutes(2), "a third delivered", first);
            using (var term = Process.Start("kill", ["-TERM", first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            Assert.Equal(0, await first.WaitAsync(TimeSpan.FromSeconds(45)));
            Assert.DoesNotContain("Unhandled exception", first.Stderr, StringComparison.Ordinal);
        }

        Assert.InRange(telegram.Messages.Count, Chats / 3, Chats - 1);
        await using (var second = BotProcess.Start(db.Folder, environment, "run"))
        {
            await DeliveryScenario.WaitAsync(() => DeliveryScenario.Distinct(telegram) >= Chats, TimeSpan.FromMinutes(2), "every chat served after the restart", second);
            await DeliveryScenario.WaitAsync(() => DeliveryScenario.StatsAsync(db.Path, articleId).GetAwaiter().GetResult().Pending == 0, TimeSpan.FromMinutes(1), "the outbox drained", second);
        }

        var (lost, duplicates) = DeliveryScenario.Count(telegram, Chats);
        Assert.Equal(0, lost);
        Assert.InRange(duplicates, 0, Concurrency);
        Assert.Equal(new DeliveryStats(0, Chats, 0), await DeliveryScenario.StatsAsync(db.Path, articleId));
    }
}
