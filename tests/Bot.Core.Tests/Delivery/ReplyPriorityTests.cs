using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Testing;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Delivery;

/// <summary>Replies to readers share the delivery buckets, ahead of deliveries, on the fake clock.</summary>
public sealed class ReplyPriorityTests
{
    private static readonly TimeSpan Refill = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / 30.0));

    private readonly FakeTimeProvider _clock = new();
    private readonly DeliveryRateLimiter _limiter;

    public ReplyPriorityTests() =>
        _limiter = new DeliveryRateLimiter(Options.Create(new DeliveryOptions { Telegram = PlatformRateOptions.TelegramDefaults() }), _clock);

    [Fact]
    public void WithNoBroadcast_AReplyIsNotDelayedAtAll()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True(GoesAtOnce($"reader{i}"));
        }
    }

    [Fact]
    public void ABroadcast_LeavesATokenOfTheBurst_SoAReplyGoesAtOnce()
    {
        var taken = Saturate(0);

        Assert.Equal(4, taken);
        Assert.True(GoesAtOnce("reader"));
    }

    [Fact]
    public async Task WithTheBucketEmptiedByABroadcast_AReplyGoesWithinOneRefill_AndDeliveriesWaitForIt()
    {
        Saturate(0);
        Assert.True(GoesAtOnce("first"));

        var reply = _limiter.AcquireReplyAsync(Platform.Telegram, "second", ChatKind.Private, CancellationToken.None).AsTask();
        Assert.False(reply.IsCompleted);
        // The broadcast keeps asking; while the reply waits it gets nothing, even when a token has come back.
        _clock.Advance(Refill - TimeSpan.FromTicks(1));
        Assert.Equal(RateDecision.PlatformBusy, _limiter.TryAcquire(Platform.Telegram, "subscriber-x", ChatKind.Private));
        _clock.Advance(TimeSpan.FromTicks(1));
        await reply.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RateDecision.PlatformBusy, _limiter.TryAcquire(Platform.Telegram, "subscriber-y", ChatKind.Private));
    }

    [Fact]
    public async Task RepliesAndABroadcastTogether_NeverExceedThePlatformsRate()
    {
        var sent = 0;
        var subscriber = 0;
        var replies = new List<Task>();
        var span = TimeSpan.FromSeconds(3);
        for (var at = TimeSpan.Zero; at < span; at += TimeSpan.FromMilliseconds(5))
        {
            while (_limiter.TryAcquire(Platform.Telegram, $"subscriber{subscriber}", ChatKind.Private) == RateDecision.Go)
            {
                sent++;
                subscriber++;
            }

            if (at.Ticks % TimeSpan.FromMilliseconds(100).Ticks == 0)
            {
                replies.Add(_limiter.AcquireReplyAsync(Platform.Telegram, $"reader{replies.Count % 20}", ChatKind.Private, CancellationToken.None).AsTask());
            }

            _clock.Advance(TimeSpan.FromMilliseconds(5));
            // Let replies woken by the clock take their token before the broadcast asks again.
            await Task.WhenAll(replies.Where(r => r.IsCompleted));
            await Task.Yield();
        }

        await Task.WhenAll(replies).WaitAsync(TimeSpan.FromSeconds(10));
        // 30/s for 3 s plus the burst of 5; every reply was answered, and deliveries got the rest.
        Assert.InRange(sent + replies.Count, 85, 95);
        Assert.Equal(30, replies.Count);
        Assert.True(sent > 45, $"deliveries starved: {sent}");
    }

    [Fact]
    public async Task AReplyToAChatThatJustGotADelivery_WaitsForThatChat_WithoutStoppingTheBroadcast()
    {
        Assert.Equal(RateDecision.Go, _limiter.TryAcquire(Platform.Telegram, "reader", ChatKind.Private));
        var reply = _limiter.AcquireReplyAsync(Platform.Telegram, "reader", ChatKind.Private, CancellationToken.None).AsTask();

        Assert.False(reply.IsCompleted);
        Assert.Equal(RateDecision.Go, _limiter.TryAcquire(Platform.Telegram, "someone-else", ChatKind.Private));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await reply.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(RateDecision.ChatBusy, _limiter.TryAcquire(Platform.Telegram, "reader", ChatKind.Private));
    }

    private bool GoesAtOnce(string chatId) =>
        _limiter.AcquireReplyAsync(Platform.Telegram, chatId, ChatKind.Private, CancellationToken.None).AsTask().IsCompletedSuccessfully;

    private int Saturate(int from)
    {
        var taken = 0;
        while (_limiter.TryAcquire(Platform.Telegram, $"subscriber{from + taken}", ChatKind.Private) == RateDecision.Go)
        {
            taken++;
        }

        return taken;
    }
}
