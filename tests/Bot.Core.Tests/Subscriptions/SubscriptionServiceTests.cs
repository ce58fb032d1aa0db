using Bot.Core.Chat;
using Bot.Core.Subscriptions;
using Bot.Testing.Delivery;

namespace Bot.Core.Tests.Subscriptions;

public sealed class SubscriptionServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Subscribe_Twice_IsHarmless()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("42");

        var first = await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        var second = await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);

        Assert.Equal(SubscribeStatus.Created, first.Status);
        Assert.Equal(SubscribeStatus.AlreadySubscribed, second.Status);
        Assert.Equal(first.Subscription.Id, second.Subscription.Id);
        Assert.Equal(1L, await h.ScalarAsync<long>("SELECT count(*) FROM subscriptions"));
    }

    [Fact]
    public async Task Subscribe_WithTags_AddsThemOnceIgnoringCaseAndWidth()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Group("-100");

        await h.Subscriptions.SubscribeAsync(chat, new SubscriptionFilter(["朝鲜", "Putin"], [], []), None);
        var again = await h.Subscriptions.SubscribeAsync(chat, new SubscriptionFilter(["putin", "ＰＵＴＩＮ", " 朝鲜 "], [], []), None);
        var more = await h.Subscriptions.SubscribeAsync(chat, new SubscriptionFilter(["普京"], ["老王"], ["导弹"]), None);

        Assert.Equal(SubscribeStatus.AlreadySubscribed, again.Status);
        Assert.Equal(SubscribeStatus.Updated, more.Status);
        Assert.Equal(["Putin", "普京", "朝鲜"], more.Subscription.Filter.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(["老王"], more.Subscription.Filter.Authors);
        Assert.Equal(["导弹"], more.Subscription.Filter.Keywords);
    }

    [Fact]
    public async Task Unsubscribe_LastTag_RemovesTheSubscription()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("7");
        await h.Subscriptions.SubscribeAsync(chat, new SubscriptionFilter(["a", "b"], [], []), None);

        Assert.True(await h.Subscriptions.UnsubscribeAsync(chat, new SubscriptionFilter(["A"], [], []), None));
        Assert.Equal(["b"], (await h.Subscriptions.GetAsync(chat, None))!.Filter.Tags);
        Assert.True(await h.Subscriptions.UnsubscribeAsync(chat, new SubscriptionFilter(["b"], [], []), None));
        Assert.Null(await h.Subscriptions.GetAsync(chat, None));
        Assert.False(await h.Subscriptions.UnsubscribeAsync(chat, SubscriptionFilter.Everything, None));
    }

    [Fact]
    public async Task Subscribe_InTwoThreadsOfOneChat_MakesTwoSubscriptions()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var general = new ChatRef(Platform.Telegram, "-100", ChatKind.Group);
        var topic = general with { ThreadId = "17" };

        var a = await h.Subscriptions.SubscribeAsync(general, SubscriptionFilter.Everything, None);
        var b = await h.Subscriptions.SubscribeAsync(topic, SubscriptionFilter.Everything, None);

        Assert.NotEqual(a.Subscription.Id, b.Subscription.Id);
        Assert.Equal("17", (await h.Subscriptions.GetAsync(topic, None))!.Chat.ThreadId);
        Assert.Null((await h.Subscriptions.GetAsync(general, None))!.Chat.ThreadId);
    }

    [Fact]
    public async Task SetPaused_PausesAndResumes_AndIsFalseForUnknownChats()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("1");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);

        Assert.True(await h.Subscriptions.SetPausedAsync(chat, true, None));
        Assert.True((await h.Subscriptions.GetAsync(chat, None))!.Paused);
        Assert.True(await h.Subscriptions.SetPausedAsync(chat, false, None));
        Assert.False((await h.Subscriptions.GetAsync(chat, None))!.Paused);
        Assert.False(await h.Subscriptions.SetPausedAsync(DeliveryHarness.Private("2"), true, None));
    }

    [Fact]
    public async Task Subscribe_WithLoneSurrogate_StoresReplacementCharacter()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("1");

        var outcome = await h.Subscriptions.SubscribeAsync(chat, new SubscriptionFilter(["a\uD800b"], [], []), None);

        Assert.Equal(["a\uFFFDb"], outcome.Subscription.Filter.Tags);
    }

    [Fact]
    public async Task Subscribe_WithTooManyOrTooLongValues_IsRefusedClearly()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("1");

        var many = await Assert.ThrowsAsync<ArgumentException>(() => h.Subscriptions.SubscribeAsync(
            chat, new SubscriptionFilter([.. Enumerable.Range(0, 51).Select(i => $"t{i}")], [], []), None));
        var longOne = await Assert.ThrowsAsync<ArgumentException>(() => h.Subscriptions.SubscribeAsync(
            chat, new SubscriptionFilter([], [], [new string('x', 101)]), None));

        Assert.Contains("50", many.Message, StringComparison.Ordinal);
        Assert.Contains("100", longOne.Message, StringComparison.Ordinal);
        Assert.Null(await h.Subscriptions.GetAsync(chat, None));
    }
}
