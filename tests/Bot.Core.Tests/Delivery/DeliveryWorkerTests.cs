using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Subscriptions;
using Bot.Testing.Delivery;

namespace Bot.Core.Tests.Delivery;

public sealed class DeliveryWorkerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Drain_SendsEachChatItsArticlesInPublishOrderWithPartsInOrder()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        foreach (var chat in new[] { "a", "b", "c" })
        {
            await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private(chat), SubscriptionFilter.Everything, None);
        }

        var first = await h.PublishAsync("一");
        var second = await h.PublishAsync("二");
        var third = await h.PublishAsync("三");
        h.Channel.SetParts(first, 3);
        h.Channel.SetParts(third, 2);

        await h.DrainAsync();

        foreach (var chat in new[] { "a", "b", "c" })
        {
            Assert.Equal(
                [(first, 0), (first, 1), (first, 2), (second, 0), (third, 0), (third, 1)],
                h.Channel.Sent.Where(p => p.ChatId == chat).Select(p => (p.ArticleId, p.PartIndex)));
        }

        Assert.Equal(9L, await h.ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE state = 'sent' AND lease_owner IS NULL"));
        var ids = await h.ScalarAsync<string>("SELECT message_ids FROM deliveries WHERE article_id = $id LIMIT 1", ("$id", first));
        Assert.Equal(3, System.Text.Json.JsonSerializer.Deserialize<string[]>(ids)!.Length);
    }

    [Fact]
    public async Task ASlowPart_StartsTheChatsIntervalWhenItArrives()
    {
        await using var h = await DeliveryHarness.CreateAsync(o => o.Telegram = PlatformRateOptions.TelegramDefaults());
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("reader"), SubscriptionFilter.Everything, None);
        var article = await h.PublishAsync("图文");
        h.Channel.SetParts(article, 2);
        var sentAt = new List<DateTimeOffset>();
        h.Channel.WhileSending = part =>
        {
            // The photo's upload takes 0.6 s; the text part after it is quick.
            if (part.PartIndex == 0)
            {
                h.Clock.Advance(TimeSpan.FromMilliseconds(600));
            }

            sentAt.Add(h.Clock.GetUtcNow());
        };

        var start = h.Clock.GetUtcNow();
        for (var step = 0; step < 40 && h.Channel.Sent.Count < 2; step++)
        {
            await h.DrainAsync();
            h.Clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        // Telegram counts a message when it arrives: one a second per chat from the photo's arrival (0.6 s),
        // not from when its upload began.
        Assert.Equal(2, sentAt.Count);
        Assert.True(sentAt[1] - sentAt[0] >= TimeSpan.FromSeconds(1), $"text part {(sentAt[1] - start).TotalSeconds:F1} s after the start, photo arrived at {(sentAt[0] - start).TotalSeconds:F1} s");
    }

    [Fact]
    public async Task RateLimited_DelaysOnlyThatChat_WithoutCountingAnAttempt()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("slow"), SubscriptionFilter.Everything, None);
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("fast"), SubscriptionFilter.Everything, None);
        h.Channel.Script("slow", new SendOutcome.RateLimited(TimeSpan.FromSeconds(30)));
        var one = await h.PublishAsync("一");
        var two = await h.PublishAsync("二");

        await h.DrainAsync();

        Assert.Equal([one, two], h.Channel.Sent.Where(p => p.ChatId == "fast").Select(p => p.ArticleId));
        Assert.DoesNotContain(h.Channel.Sent, p => p.ChatId == "slow");
        Assert.Equal(0L, await h.ScalarAsync<long>("SELECT max(attempts) FROM deliveries"));

        h.Clock.Advance(TimeSpan.FromSeconds(29));
        await h.DrainAsync();
        Assert.DoesNotContain(h.Channel.Sent, p => p.ChatId == "slow");

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.DrainAsync();
        Assert.Equal([one, two], h.Channel.Sent.Where(p => p.ChatId == "slow").Select(p => p.ArticleId));
    }

    [Fact]
    public async Task Transient_RetriesWithGrowingJitteredBackoff_ThenFailsWithReason()
    {
        await using var h = await DeliveryHarness.CreateAsync(o =>
        {
            o.MaxAttempts = 3;
            o.BackoffBaseSeconds = 10;
        });
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("x"), SubscriptionFilter.Everything, None);
        h.Channel.Script("x", new SendOutcome.Transient("502 Bad Gateway"), new SendOutcome.Transient("timeout"), new SendOutcome.Transient("connection reset"));
        await h.PublishAsync("一");

        var start = h.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await h.DrainAsync();
        var firstRetry = await h.ScalarAsync<long>("SELECT next_attempt_at FROM deliveries") - start;
        Assert.InRange(firstRetry, 5_000, 10_000);

        h.Clock.Advance(TimeSpan.FromMilliseconds(firstRetry));
        await h.DrainAsync();
        var secondRetry = await h.ScalarAsync<long>("SELECT next_attempt_at FROM deliveries") - h.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.InRange(secondRetry, 10_000, 20_000);
        Assert.Equal(2L, await h.ScalarAsync<long>("SELECT attempts FROM deliveries"));

        h.Clock.Advance(TimeSpan.FromMilliseconds(secondRetry));
        await h.DrainAsync();
        Assert.Equal("failed", await h.ScalarAsync<string>("SELECT state FROM deliveries"));
        Assert.Contains("connection reset", await h.ScalarAsync<string>("SELECT last_error FROM deliveries"), StringComparison.Ordinal);
        Assert.Empty(h.Channel.Sent);
        Assert.True((await h.Subscriptions.GetAsync(DeliveryHarness.Private("x"), None))!.Active);
    }

    [Fact]
    public async Task AdapterThrowing_IsTransient_AndItsMessageIsNotStored()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("x"), SubscriptionFilter.Everything, None);
        h.Channel.ScriptThrow("x", new HttpRequestException("https://api.telegram.org/bot123:SECRET/sendMessage failed"));
        await h.PublishAsync("一");

        await h.DrainAsync();

        Assert.Equal(1L, await h.ScalarAsync<long>("SELECT attempts FROM deliveries"));
        Assert.DoesNotContain("SECRET", await h.ScalarAsync<string>("SELECT last_error FROM deliveries"), StringComparison.Ordinal);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.DrainAsync();
        Assert.Single(h.Channel.Sent);
    }

    [Fact]
    public async Task ChatGone_DeactivatesTheSubscriptionAndFailsItsPendingDeliveries()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("blocked");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        h.Channel.Script("blocked", new SendOutcome.ChatGone(ChatGoneKind.BlockedByUser, "Forbidden: bot was blocked by the user"));
        await h.PublishAsync("一");
        await h.PublishAsync("二");

        await h.DrainAsync();

        var subscription = await h.Subscriptions.GetAsync(chat, None);
        Assert.False(subscription!.Active);
        Assert.Equal("Forbidden: bot was blocked by the user", subscription.DeactivatedReason);
        Assert.Equal(ChatGoneKind.BlockedByUser, subscription.DeactivatedKind);
        Assert.Equal(2L, await h.ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE state = 'failed'"));
        await h.PublishAsync("三");
        Assert.Equal(2L, await h.ScalarAsync<long>("SELECT count(*) FROM deliveries"));

        var back = await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        Assert.True(back.Subscription.Active);
        Assert.Null(back.Subscription.DeactivatedReason);
        Assert.Equal(ChatGoneKind.Other, back.Subscription.DeactivatedKind);
    }

    [Fact]
    public async Task BadRequest_FailsThatDeliveryOnly_AndTheChatGetsTheNextArticle()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("x"), SubscriptionFilter.Everything, None);
        h.Channel.Script("x", new SendOutcome.BadRequest("can't parse entities"));
        await h.PublishAsync("坏");
        var good = await h.PublishAsync("好");

        await h.DrainAsync();

        Assert.Equal([good], h.Channel.Sent.Select(p => p.ArticleId));
        Assert.Equal("can't parse entities", await h.ScalarAsync<string>("SELECT last_error FROM deliveries WHERE state = 'failed'"));
        Assert.True((await h.Subscriptions.GetAsync(DeliveryHarness.Private("x"), None))!.Active);
    }

    [Fact]
    public async Task ChatMigrated_MovesTheSubscriptionAndSendsThere()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Group("-1"), SubscriptionFilter.Everything, None);
        h.Channel.Script("-1", new SendOutcome.ChatMigrated("-1001"));
        var one = await h.PublishAsync("一");
        var two = await h.PublishAsync("二");

        await h.DrainAsync();

        Assert.Equal([("-1001", one), ("-1001", two)], h.Channel.Sent.Select(p => (p.ChatId, p.ArticleId)));
        Assert.Null(await h.Subscriptions.GetAsync(DeliveryHarness.Group("-1"), None));
        Assert.True((await h.Subscriptions.GetAsync(DeliveryHarness.Group("-1001"), None))!.Active);
    }

    [Fact]
    public async Task NoChannelForAPlatform_DeliveriesWaitAndNeverFail()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(new ChatRef(Platform.Discord, "555", ChatKind.DiscordChannel), SubscriptionFilter.Everything, None);
        await h.PublishAsync("一");

        Assert.Equal(0, await h.DrainAsync());
        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await h.DrainAsync());

        Assert.Equal("pending", await h.ScalarAsync<string>("SELECT state FROM deliveries"));
        var discord = new FakeDeliveryChannel(Platform.Discord);
        await h.DrainAsync(h.NewWorker(discord));
        Assert.Single(discord.Sent);
    }

    [Fact]
    public async Task PerChatRateLimits_PaceEachChatButNotTheOthers()
    {
        await using var h = await DeliveryHarness.CreateAsync(o => o.Telegram = PlatformRateOptions.TelegramDefaults());
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("p"), SubscriptionFilter.Everything, None);
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Group("g"), SubscriptionFilter.Everything, None);
        for (var i = 0; i < 3; i++)
        {
            await h.PublishAsync($"文章{i}");
        }

        await h.DrainAsync();
        Assert.Equal(["g", "p"], h.Channel.Sent.Select(p => p.ChatId).Order(StringComparer.Ordinal));

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.DrainAsync();
        Assert.Equal(2, h.Channel.Sent.Count(p => p.ChatId == "p"));
        Assert.Equal(1, h.Channel.Sent.Count(p => p.ChatId == "g"));

        h.Clock.Advance(TimeSpan.FromSeconds(2));
        await h.DrainAsync();
        Assert.Equal(3, h.Channel.Sent.Count(p => p.ChatId == "p"));
        Assert.Equal(2, h.Channel.Sent.Count(p => p.ChatId == "g"));
    }

    [Fact]
    public async Task GlobalRateLimit_CapsMessagesPerSecondAcrossChats()
    {
        await using var h = await DeliveryHarness.CreateAsync(o => o.Telegram = new PlatformRateOptions { GlobalPerSecond = 5, GlobalBurst = 5 });
        for (var i = 0; i < 12; i++)
        {
            await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private($"c{i}"), SubscriptionFilter.Everything, None);
        }

        await h.PublishAsync("广播");

        // One token of the burst is always left for replies to readers (ReplyPriorityTests).
        await h.DrainAsync();
        Assert.Equal(4, h.Channel.Sent.Count);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.DrainAsync();
        Assert.Equal(8, h.Channel.Sent.Count);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.DrainAsync();
        Assert.Equal(12, h.Channel.Sent.Count);
    }
}
