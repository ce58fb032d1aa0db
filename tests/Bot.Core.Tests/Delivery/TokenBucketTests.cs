using System.ComponentModel.DataAnnotations;
using Bot.Core.Delivery;

namespace Bot.Core.Tests.Delivery;

public sealed class TokenBucketTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Fact]
    public void TryTake_SpendsTheBurstThenRefillsAtTheRate()
    {
        var bucket = new TokenBucket(ratePerSecond: 2, burst: 3, nowTicks: 0);

        Assert.True(bucket.TryTake(0));
        Assert.True(bucket.TryTake(0));
        Assert.True(bucket.TryTake(0));
        Assert.False(bucket.TryTake(0));
        Assert.Equal(Second / 2, bucket.NextTokenTicks(0));
        Assert.False(bucket.TryTake((Second / 2) - 1));
        Assert.True(bucket.TryTake(Second / 2));
        Assert.False(bucket.TryTake(Second / 2));
    }

    [Fact]
    public void Arrived_CountsASlowSendFromItsArrival()
    {
        var chat = new TokenBucket(ratePerSecond: 1, burst: 1, nowTicks: 0);
        Assert.True(chat.TryTake(0));

        // The upload took 0.6 s: by the token's start time the next would be due at 1 s, but the platform
        // saw this message at 0.6 s and wants a second after that.
        chat.Arrived(6 * Second / 10);

        Assert.Equal(16 * Second / 10, chat.NextTokenTicks(6 * Second / 10));
        Assert.False(chat.TryTake(Second));
    }

    [Fact]
    public void Arrived_LeavesTheRestOfABurst()
    {
        var chat = new TokenBucket(ratePerSecond: 1, burst: 5, nowTicks: 0);
        Assert.True(chat.TryTake(0));

        chat.Arrived(Second);

        for (var i = 0; i < 4; i++)
        {
            Assert.True(chat.TryTake(Second));
        }

        Assert.False(chat.TryTake(Second));
    }

    [Fact]
    public void Block_StopsEvenAnUnlimitedBucketUntilTheGivenTime()
    {
        var unlimited = new TokenBucket(ratePerSecond: 0, burst: 1, nowTicks: 0);
        unlimited.Block(10 * Second);

        Assert.False(unlimited.TryTake(9 * Second));
        Assert.Equal(10 * Second, unlimited.NextTokenTicks(9 * Second));
        Assert.True(unlimited.TryTake(10 * Second));
    }

    [Fact]
    public void Block_DoesNotLetTokensPileUpWhileBlocked()
    {
        var bucket = new TokenBucket(ratePerSecond: 1, burst: 5, nowTicks: 0);
        bucket.Block(30 * Second);

        Assert.False(bucket.TryTake(30 * Second));
        Assert.True(bucket.TryTake(31 * Second));
        Assert.False(bucket.TryTake(31 * Second));
    }

    [Fact]
    public void Backoff_DoublesUpToTheCapWithHalfOfItRandom()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Backoff.Delay(1, 2, 100, 0));
        Assert.Equal(TimeSpan.FromSeconds(2), Backoff.Delay(1, 2, 100, 1));
        Assert.Equal(TimeSpan.FromSeconds(8), Backoff.Delay(3, 2, 100, 1));
        Assert.Equal(TimeSpan.FromSeconds(100), Backoff.Delay(30, 2, 100, 1));
        Assert.Equal(TimeSpan.FromSeconds(50), Backoff.Delay(1000, 2, 100, 0));
    }

    [Fact]
    public void DeliveryOptions_WithBadNestedRates_NameTheKey()
    {
        var options = new DeliveryOptions { BackoffBaseSeconds = 10, BackoffMaxSeconds = 5 };
        options.Telegram.GlobalPerSecond = -1;
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));

        Assert.Contains(results, r => r.ErrorMessage!.Contains("Delivery:Telegram", StringComparison.Ordinal));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("BackoffMaxSeconds", StringComparison.Ordinal));
    }
}
