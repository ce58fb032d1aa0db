using Bot.Core.Digests;
using Bot.Core.Subscriptions;
using Bot.Testing.Delivery;

namespace Bot.Core.Tests.Digests;

/// <summary>Quiet hours: across midnight, in the chat's zone, waiting or silent; digests are not held by them.</summary>
public sealed class QuietWindowTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly QuietWindow Night = new(new TimeOnly(23, 0), new TimeOnly(8, 0), Silent: false);

    [Theory]
    [InlineData("22:59", false)]
    [InlineData("23:00", true)]
    [InlineData("00:00", true)]
    [InlineData("07:59", true)]
    [InlineData("08:00", false)]
    [InlineData("12:00", false)]
    public void AcrossMidnight(string local, bool inside) =>
        Assert.Equal(inside, Night.Contains(TimeOnly.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void WithinOneDay()
    {
        var lunch = new QuietWindow(new TimeOnly(12, 0), new TimeOnly(13, 30), false);
        Assert.True(lunch.Contains(new TimeOnly(12, 0)));
        Assert.True(lunch.Contains(new TimeOnly(13, 29)));
        Assert.False(lunch.Contains(new TimeOnly(13, 30)));
        Assert.False(lunch.Contains(new TimeOnly(0, 30)));
    }

    [Fact]
    public void EndAfter_IsTheNextMorningFromTheEvening_AndThisMorningAfterMidnight()
    {
        var zone = ChatTimeZones.TryFind("Asia/Shanghai")!;
        // 23:30 on 1 November in Shanghai is 15:30 UTC; the window ends at 08:00 on 2 November (00:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), Night.EndAfter(new DateTimeOffset(2026, 11, 1, 15, 30, 0, TimeSpan.Zero), zone));
        // 02:00 on 2 November in Shanghai is 18:00 UTC on 1 November: the same morning.
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), Night.EndAfter(new DateTimeOffset(2026, 11, 1, 18, 0, 0, TimeSpan.Zero), zone));
    }

    [Fact]
    public async Task Wait_HoldsAnArticlePublishedAtNight_UntilTheWindowEnds_AndItsFollowersBehindIt()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("sleeper");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("owl"), SubscriptionFilter.Everything, None);
        await h.Preferences.SetQuietAsync(chat, Night, None);

        // 15:30 UTC is 23:30 in Shanghai.
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 15, 30, 0, TimeSpan.Zero));
        var first = await h.PublishAsync("一");
        var second = await h.PublishAsync("二");
        await h.DrainAsync();
        Assert.Equal(["owl", "owl"], h.Channel.Sent.Select(p => p.ChatId));

        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 23, 59, 0, TimeSpan.Zero));
        await h.DrainAsync();
        Assert.DoesNotContain(h.Channel.Sent, p => p.ChatId == "sleeper");

        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        await h.DrainAsync();
        Assert.Equal([first, second], h.Channel.Sent.Where(p => p.ChatId == "sleeper").Select(p => p.ArticleId));
        Assert.All(h.Channel.Sent, p => Assert.False(p.Silent));
    }

    [Fact]
    public async Task Silent_SendsAtOnceWithoutANotification_OnlyInsideTheWindow()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("sleeper");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Preferences.SetQuietAsync(chat, Night with { Silent = true }, None);

        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 15, 30, 0, TimeSpan.Zero));
        await h.PublishAsync("夜");
        await h.DrainAsync();
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        await h.PublishAsync("日");
        await h.DrainAsync();

        Assert.Equal([true, false], h.Channel.Sent.Select(p => p.Silent));
    }

    [Fact]
    public async Task InTheChatsZone_NotTheBots()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("berliner");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Preferences.SetQuietAsync(chat, Night, None);
        await h.Preferences.SetTimeZoneAsync(chat, "Europe/Berlin", None);

        // 15:30 UTC is 23:30 in Shanghai but 16:30 in Berlin: not quiet there.
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 15, 30, 0, TimeSpan.Zero));
        await h.PublishAsync("一");
        await h.DrainAsync();

        Assert.Single(h.Channel.Sent);
    }

    [Fact]
    public async Task ADigestGoesAtItsTime_EvenInsideQuietHours()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        var chat = DeliveryHarness.Private("reader");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Preferences.SetQuietAsync(chat, Night, None);
        await h.Preferences.SetDigestAsync(chat, DigestSchedule.Daily(new TimeOnly(7, 0)), null, None);
        await h.PublishAsync("一");

        // 07:00 in Shanghai on 2 November is 23:00 UTC on 1 November.
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(DigestResult.Queued, await h.Maker.RunDueAsync(1, None));
        await h.DrainAsync();

        Assert.Single(h.Channel.Sent);
    }
}
