using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Publishing;
using Bot.Core.Subscriptions;
using Bot.Testing.Delivery;

namespace Bot.Core.Tests.Publishing;

public sealed class PublishingServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Publish_FansOutToMatchingActiveSubscriptionsOnly()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var s = h.Subscriptions;
        await s.SubscribeAsync(DeliveryHarness.Private("all"), SubscriptionFilter.Everything, None);
        await s.SubscribeAsync(DeliveryHarness.Private("tag"), new SubscriptionFilter(["putin"], [], []), None);
        await s.SubscribeAsync(DeliveryHarness.Private("author"), new SubscriptionFilter([], ["王 小明"], []), None);
        await s.SubscribeAsync(DeliveryHarness.Private("keyword"), new SubscriptionFilter([], [], ["朝鲜"]), None);
        await s.SubscribeAsync(DeliveryHarness.Private("other"), new SubscriptionFilter(["体育"], ["别人"], ["足球"]), None);
        await s.SubscribeAsync(DeliveryHarness.Private("wildcard"), new SubscriptionFilter([], [], ["%"]), None);
        await s.SubscribeAsync(DeliveryHarness.Private("paused"), SubscriptionFilter.Everything, None);
        await s.SetPausedAsync(DeliveryHarness.Private("paused"), true, None);

        var id = await TestArticles.InsertAsync(h.Database.Database, "普京访问", author: "王 小明", tags: ["Putin"], text: "北朝鲜的新闻");
        var outcome = await h.Publishing.PublishNowAsync(id, None);

        Assert.Equal(PublishStatus.Published, outcome.Status);
        Assert.Equal(4, outcome.Deliveries);
        await h.DrainAsync();
        Assert.Equal(["all", "author", "keyword", "tag"], h.Channel.Sent.Select(p => p.ChatId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Publish_Twice_IsRefusedAndNeverFansOutAgain()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("1"), SubscriptionFilter.Everything, None);
        var id = await h.PublishAsync("一");

        var again = await h.Publishing.PublishNowAsync(id, None);

        Assert.Equal(PublishStatus.AlreadyPublished, again.Status);
        Assert.Equal(1L, await h.ScalarAsync<long>("SELECT count(*) FROM deliveries"));
        Assert.Equal(PublishStatus.NotFound, (await h.Publishing.PublishNowAsync(9999, None)).Status);
    }

    [Fact]
    public async Task Subscribe_AfterAnArticleWasPublished_DoesNotReceiveIt()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.PublishAsync("旧文章");
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("late"), SubscriptionFilter.Everything, None);
        var fresh = await h.PublishAsync("新文章");

        await h.DrainAsync();

        Assert.Equal([fresh], h.Channel.Sent.Select(p => p.ArticleId));
    }

    [Fact]
    public async Task Schedule_InThePast_IsRefused()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var id = await TestArticles.InsertAsync(h.Database.Database, "x");

        var outcome = await h.Publishing.ScheduleAsync(id, h.Clock.GetUtcNow().AddMinutes(-1), None);

        Assert.Equal(PublishStatus.TimeInPast, outcome.Status);
        Assert.Equal("draft", await h.ScalarAsync<string>("SELECT state FROM articles WHERE id = $id", ("$id", id)));
    }

    [Fact]
    public async Task PublishDue_PublishesScheduledArticlesOnlyOnceTheirTimeHasCome()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("1"), SubscriptionFilter.Everything, None);
        var early = await TestArticles.InsertAsync(h.Database.Database, "early");
        var late = await TestArticles.InsertAsync(h.Database.Database, "late");
        Assert.Equal(PublishStatus.Scheduled, (await h.Publishing.ScheduleAsync(late, h.Clock.GetUtcNow().AddHours(2), None)).Status);
        Assert.Equal(PublishStatus.Scheduled, (await h.Publishing.ScheduleAsync(early, h.Clock.GetUtcNow().AddHours(1), None)).Status);

        Assert.Equal(0, await h.Publishing.PublishDueAsync(None));
        h.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(1, await h.Publishing.PublishDueAsync(None));
        h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await h.Publishing.PublishDueAsync(None));
        Assert.Equal(0, await h.Publishing.PublishDueAsync(None));

        await h.DrainAsync();
        Assert.Equal([early, late], h.Channel.Sent.Select(p => p.ArticleId));
    }

    [Fact]
    public async Task Retract_CancelsPendingAndDeletesWhatWasSent()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("sent"), SubscriptionFilter.Everything, None);
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("slow"), SubscriptionFilter.Everything, None);
        h.Channel.Script("slow", new SendOutcome.RateLimited(TimeSpan.FromHours(1)));
        var id = await h.PublishAsync("错误的文章");
        await h.DrainAsync();

        var outcome = await h.Publishing.RetractAsync(id, None);
        h.Clock.Advance(TimeSpan.FromHours(2));
        await h.DrainAsync();

        Assert.Equal(PublishStatus.Retracted, outcome.Status);
        Assert.Equal(1, outcome.Deliveries);
        var sent = Assert.Single(h.Channel.Sent);
        Assert.Equal([new DeletedMessage("sent", sent.MessageId)], h.Channel.Deleted);
        Assert.Equal("cancelled", await h.ScalarAsync<string>("SELECT d.state FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE s.chat_id = 'slow'"));
        Assert.Equal(PublishStatus.AlreadyRetracted, (await h.Publishing.RetractAsync(id, None)).Status);
    }

    [Fact]
    public async Task Retract_BeforeDelivery_SendsNothing()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("1"), SubscriptionFilter.Everything, None);
        var id = await h.PublishAsync("撤回");

        await h.Publishing.RetractAsync(id, None);
        await h.DrainAsync();

        Assert.Empty(h.Channel.Sent);
        Assert.Equal(new DeliveryStats(0, 0, 0), await h.Publishing.StatsAsync(id, None));
    }

    [Fact]
    public async Task Stats_CountPendingSentAndFailedPerArticleAndSubscription()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("ok"), SubscriptionFilter.Everything, None);
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("bad"), SubscriptionFilter.Everything, None);
        h.Channel.Script("bad", new SendOutcome.BadRequest("message is too long"));
        var id = await h.PublishAsync("统计");
        Assert.Equal(new DeliveryStats(2, 0, 0), await h.Publishing.StatsAsync(id, None));

        await h.DrainAsync();

        Assert.Equal(new DeliveryStats(0, 1, 1), await h.Publishing.StatsAsync(id, None));
        Assert.Equal(new DeliveryStats(0, 1, 1), await h.Publishing.StatsAsync(null, None));
        var perSubscription = await h.Publishing.SubscriptionStatsAsync(None);
        Assert.Contains(perSubscription, s => s is { ChatId: "ok", Sent: 1, Failed: 0, Active: true, Platform: Platform.Telegram });
        Assert.Contains(perSubscription, s => s is { ChatId: "bad", Sent: 0, Failed: 1, Active: true });
    }
}
