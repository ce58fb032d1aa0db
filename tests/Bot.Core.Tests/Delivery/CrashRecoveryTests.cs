using Bot.Core.Subscriptions;
using Bot.Testing.Delivery;

namespace Bot.Core.Tests.Delivery;

/// <summary>
/// A worker frozen mid-flight stands for a process killed with SIGKILL: its sends reached the platform
/// but their results were never recorded, and it never writes again. A fresh worker (its own channel
/// instance, lease owner and limiter) must finish the job once the leases expire.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Concurrency = 4;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task FrozenWorker_FreshWorkerAfterLeaseExpiry_LosesNothingAndDuplicatesAtMostConcurrency()
    {
        const int chats = 40;
        const int articles = 5;
        await using var h = await DeliveryHarness.CreateAsync(o =>
        {
            o.Concurrency = Concurrency;
            o.BatchSize = 16;
            o.LeaseSeconds = 60;
        });
        for (var i = 0; i < chats; i++)
        {
            await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private($"c{i}"), SubscriptionFilter.Everything, None);
        }

        for (var i = 0; i < articles; i++)
        {
            await h.PublishAsync($"第{i}篇");
        }

        // One pass goes through, then the platform stops answering and the worker freezes with sends in flight.
        await h.Worker.DrainOnceAsync(None);
        h.Channel.Hold();
        using var kill = new CancellationTokenSource();
        var frozen = h.Worker.DrainOnceAsync(kill.Token);
        await h.Channel.WaitForSentAsync(16 + Concurrency);

        var afterRestart = new FakeDeliveryChannel();
        var restarted = h.NewWorker(afterRestart);
        await h.DrainAsync(restarted);
        Assert.Equal(16L, await h.ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE state = 'pending' AND lease_until > $now", ("$now", h.Clock.GetUtcNow().ToUnixTimeMilliseconds())));

        h.Clock.Advance(TimeSpan.FromSeconds(61));
        await h.DrainAsync(restarted);

        var received = h.Channel.Sent.Concat(afterRestart.Sent).GroupBy(p => (p.ChatId, p.ArticleId)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(chats * articles, received.Count);
        Assert.InRange(received.Values.Sum(n => n - 1), 1, Concurrency);
        Assert.Equal((long)(chats * articles), await h.ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE state = 'sent'"));
        foreach (var chat in received.Keys.Select(k => k.ChatId).Distinct())
        {
            var order = h.Channel.Sent.Concat(afterRestart.Sent).Where(p => p.ChatId == chat).Select(p => p.ArticleId).Distinct();
            Assert.Equal(order.Order(), order);
        }

        // The frozen worker's late writes, if it ever wakes, change nothing.
        await kill.CancelAsync();
        await frozen;
        Assert.Equal((long)(chats * articles), await h.ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE state = 'sent'"));
    }

    [Fact]
    public async Task CrashBetweenParts_ResumesAtTheNextUnsentPart()
    {
        await using var h = await DeliveryHarness.CreateAsync(o => o.Concurrency = 1);
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("x"), SubscriptionFilter.Everything, None);
        var id = await TestArticles.InsertAsync(h.Database.Database, "长文");
        h.Channel.SetParts(id, 3);
        await h.Publishing.PublishNowAsync(id, None);

        // Part 0 is sent and recorded; part 1 reaches the platform, and then the process dies.
        h.Channel.Hold(afterSends: 1);
        using var kill = new CancellationTokenSource();
        var frozen = h.Worker.DrainOnceAsync(kill.Token);
        await h.Channel.WaitForSentAsync(2);
        Assert.Equal(1L, await h.ScalarAsync<long>("SELECT next_part FROM deliveries"));

        var afterRestart = new FakeDeliveryChannel();
        afterRestart.SetParts(id, 3);
        h.Clock.Advance(TimeSpan.FromSeconds(h.Options.LeaseSeconds + 1));
        await h.DrainAsync(h.NewWorker(afterRestart));

        Assert.Equal([0, 1], h.Channel.Sent.Select(p => p.PartIndex));
        Assert.Equal([1, 2], afterRestart.Sent.Select(p => p.PartIndex));
        Assert.Equal("sent", await h.ScalarAsync<string>("SELECT state FROM deliveries"));
        await kill.CancelAsync();
        await frozen;
    }
}
