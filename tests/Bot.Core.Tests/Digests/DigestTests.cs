using Bot.Core.Digests;
using Bot.Core.Subscriptions;
using Bot.Testing.Delivery;

namespace Bot.Core.Tests.Digests;

/// <summary>Digests end to end on the fake clock: fan-out into items, the maker at the chat's local time, the outbox, retraction.</summary>
public sealed class DigestTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // The harness's clock starts at 2026-11-01 08:00 UTC, which is 16:00 in Asia/Shanghai (the default zone).
    private static readonly DateTimeOffset NextShanghaiEight = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Daily_ListsTheMatchedArticlesInOneMessage_AtTheChatsLocalTime_Once()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("reader");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        var set = await h.Preferences.SetDigestAsync(chat, DigestSchedule.Daily(new TimeOnly(8, 0)), "en", None);
        Assert.Equal(DeliveryMode.Daily, set!.Preferences.Mode);

        var first = await h.PublishAsync("First <b>title</b>");
        var second = await h.PublishAsync("第二篇");
        await h.DrainAsync();
        Assert.Empty(h.Channel.Sent);

        h.Clock.SetUtcNow(NextShanghaiEight.AddSeconds(-1));
        Assert.Equal(DigestResult.NotDue, await h.Maker.RunDueAsync(1, None));
        h.Clock.SetUtcNow(NextShanghaiEight);
        Assert.Equal(DigestResult.Queued, await h.Maker.RunDueAsync(1, None));
        Assert.Equal(DigestResult.NotDue, await h.Maker.RunDueAsync(1, None));
        await h.DrainAsync();

        var digest = Assert.Single(h.Channel.Sent);
        Assert.True(digest.ArticleId < 0);
        Assert.Equal("Daily digest · Mon 2 Nov 2026", digest.Title);
        Assert.Contains("2 new articles", digest.Body, StringComparison.Ordinal);
        Assert.Contains($"/read {first}", digest.Body, StringComparison.Ordinal);
        Assert.Contains($"/read {second}", digest.Body, StringComparison.Ordinal);
        Assert.Contains("First \\<b\\>title", digest.Body, StringComparison.Ordinal);
        Assert.True(digest.Body.IndexOf($"/read {first}", StringComparison.Ordinal) < digest.Body.IndexOf($"/read {second}", StringComparison.Ordinal));

        // The next day's digest holds only what came after this one.
        var third = await h.PublishAsync("三");
        h.Clock.SetUtcNow(NextShanghaiEight.AddDays(1));
        Assert.Equal(DigestResult.Queued, await h.Maker.RunDueAsync(1, None));
        await h.DrainAsync();
        Assert.Equal(2, h.Channel.Sent.Count);
        Assert.Contains($"/read {third}", h.Channel.Sent[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"/read {first}", h.Channel.Sent[1].Body, StringComparison.Ordinal);
        Assert.Contains("1 new article", h.Channel.Sent[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingMatched_NoMessage_AndTheNextTimeMovesOn()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("reader");
        await h.Subscriptions.SubscribeAsync(chat, new SubscriptionFilter(["体育"], [], []), None);
        await h.Preferences.SetDigestAsync(chat, DigestSchedule.Daily(new TimeOnly(8, 0)), null, None);
        await h.PublishAsync("政治新闻", tags: ["政治"]);

        h.Clock.SetUtcNow(NextShanghaiEight);
        Assert.Equal(DigestResult.Empty, await h.Maker.RunDueAsync(1, None));
        await h.DrainAsync();

        Assert.Empty(h.Channel.Sent);
        Assert.Equal(0L, await h.ScalarAsync<long>("SELECT count(*) FROM deliveries"));
        Assert.Equal(NextShanghaiEight.AddDays(1).ToUnixTimeMilliseconds(), await h.ScalarAsync<long>("SELECT digest_next_at FROM subscriptions"));
    }

    [Fact]
    public async Task ThreeHundredArticles_AreOneDelivery_ListingEveryOne()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Group("-100");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Preferences.SetDigestAsync(chat, DigestSchedule.Daily(new TimeOnly(8, 0)), "zh-hans", None);
        var ids = new List<long>();
        for (var i = 0; i < 300; i++)
        {
            ids.Add(await h.PublishAsync($"文章 {i}"));
        }

        h.Clock.SetUtcNow(NextShanghaiEight);
        Assert.Equal(DigestResult.Queued, await h.Maker.RunDueAsync(1, None));
        Assert.Equal(1L, await h.ScalarAsync<long>("SELECT count(*) FROM deliveries"));
        await h.DrainAsync();

        var digest = Assert.Single(h.Channel.Sent);
        Assert.StartsWith("每日摘要 · 2026年11月2日", digest.Title, StringComparison.Ordinal);
        Assert.Contains("300 篇新文章", digest.Body, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Contains($"/read {id}\n", digest.Body, StringComparison.Ordinal));
        Assert.Equal("sent", await h.ScalarAsync<string>("SELECT state FROM deliveries"));
    }

    [Fact]
    public async Task Weekly_GoesOnItsDayOnly()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("reader");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Preferences.SetDigestAsync(chat, DigestSchedule.Weekly(DayOfWeek.Wednesday, new TimeOnly(9, 30)), "en", None);
        await h.PublishAsync("一");

        // Wednesday 4 November 09:30 in Shanghai is 01:30 UTC.
        var wednesday = new DateTimeOffset(2026, 11, 4, 1, 30, 0, TimeSpan.Zero);
        h.Clock.SetUtcNow(wednesday.AddDays(-1));
        Assert.Equal(DigestResult.NotDue, await h.Maker.RunDueAsync(1, None));
        h.Clock.SetUtcNow(wednesday);
        Assert.Equal(DigestResult.Queued, await h.Maker.RunDueAsync(1, None));
        await h.DrainAsync();

        Assert.StartsWith("Weekly digest · Wed 4 Nov 2026", Assert.Single(h.Channel.Sent).Title, StringComparison.Ordinal);
        Assert.Equal(wednesday.AddDays(7).ToUnixTimeMilliseconds(), await h.ScalarAsync<long>("SELECT digest_next_at FROM subscriptions"));
    }

    [Fact]
    public async Task TimeZone_MovesTheDigestToTheChatsEight()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("reader");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Preferences.SetDigestAsync(chat, DigestSchedule.Daily(new TimeOnly(8, 0)), "en", None);
        Assert.Equal(NextShanghaiEight.ToUnixTimeMilliseconds(), await h.ScalarAsync<long>("SELECT digest_next_at FROM subscriptions"));

        var updated = await h.Preferences.SetTimeZoneAsync(chat, "America/New_York", None);

        Assert.Equal("America/New_York", updated!.Preferences.TimeZone);
        // It is 03:00 on 1 November in New York (EST since the fall-back at 02:00): its 08:00 is 13:00 UTC today.
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), await h.ScalarAsync<long>("SELECT digest_next_at FROM subscriptions"));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Preferences.SetTimeZoneAsync(chat, "Mars/Olympus", None));
    }

    [Fact]
    public async Task Preferences_NeedASubscription()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("nobody");

        Assert.Null(await h.Preferences.SetDigestAsync(chat, DigestSchedule.Daily(new TimeOnly(8, 0)), null, None));
        Assert.Null(await h.Preferences.SetQuietAsync(chat, new QuietWindow(new TimeOnly(23, 0), new TimeOnly(8, 0), false), None));
        Assert.Null(await h.Preferences.SetTimeZoneAsync(chat, "UTC", None));
    }

    [Fact]
    public async Task DigestOff_SendsWhatWaitedAsOrdinaryDeliveries_InPublishOrder()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("reader");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Preferences.SetDigestAsync(chat, DigestSchedule.Daily(new TimeOnly(8, 0)), null, None);
        var first = await h.PublishAsync("一");
        var second = await h.PublishAsync("二");

        var off = await h.Preferences.SetDigestAsync(chat, null, null, None);
        var third = await h.PublishAsync("三");
        await h.DrainAsync();

        Assert.Equal(DeliveryMode.Instant, off!.Preferences.Mode);
        Assert.Equal([first, second, third], h.Channel.Sent.Select(p => p.ArticleId));
        Assert.Equal(0L, await h.ScalarAsync<long>("SELECT count(*) FROM digest_items"));
    }

    [Fact]
    public async Task RetractingAnArticleOfASentDigest_KeepsTheMessageWhileItListsAnother_DeletesItWithTheLast()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("reader");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Preferences.SetDigestAsync(chat, DigestSchedule.Daily(new TimeOnly(8, 0)), null, None);
        var first = await h.PublishAsync("一");
        var second = await h.PublishAsync("二");
        h.Clock.SetUtcNow(NextShanghaiEight);
        await h.Maker.RunDueAsync(1, None);
        await h.DrainAsync();
        var message = Assert.Single(h.Channel.Sent).MessageId;

        await h.Publishing.RetractAsync(first, None);
        await h.DrainAsync();
        Assert.Empty(h.Channel.Deleted);
        Assert.Equal("sent", await h.ScalarAsync<string>("SELECT state FROM deliveries"));

        var outcome = await h.Publishing.RetractAsync(second, None);
        await h.DrainAsync();
        Assert.Equal(1, outcome.Deliveries);
        Assert.Equal(message, Assert.Single(h.Channel.Deleted).MessageId);
    }

    [Fact]
    public async Task RetractingTheOnlyArticleOfADigestNotSentYet_SendsNothing()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("reader");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Preferences.SetDigestAsync(chat, DigestSchedule.Daily(new TimeOnly(8, 0)), null, None);
        var only = await h.PublishAsync("一");
        var kept = await h.PublishAsync("二");
        await h.Publishing.RetractAsync(only, None);
        h.Clock.SetUtcNow(NextShanghaiEight);
        await h.Maker.RunDueAsync(1, None);

        // Made with one article left; that one is retracted before the worker gets to it.
        await h.Publishing.RetractAsync(kept, None);
        await h.DrainAsync();

        Assert.Empty(h.Channel.Sent);
        Assert.Equal("cancelled", await h.ScalarAsync<string>("SELECT state FROM deliveries"));
    }

    [Fact]
    public async Task InstantSubscriptions_AreUntouched_BesideADigestOne()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("instant"), SubscriptionFilter.Everything, None);
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("digest"), SubscriptionFilter.Everything, None);
        await h.Preferences.SetDigestAsync(DeliveryHarness.Private("digest"), DigestSchedule.Daily(new TimeOnly(8, 0)), null, None);

        var id = await h.PublishAsync("一");
        await h.DrainAsync();

        Assert.Equal(id, Assert.Single(h.Channel.Sent).ArticleId);
        Assert.Equal("instant", Assert.Single(h.Channel.Sent).ChatId);
        Assert.Equal(1L, await h.ScalarAsync<long>("SELECT count(*) FROM digest_items WHERE digest_id IS NULL"));
    }
}
