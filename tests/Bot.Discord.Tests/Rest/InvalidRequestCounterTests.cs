using Bot.Discord.Rest;
using Bot.Testing;

namespace Bot.Discord.Tests.Rest;

public sealed class InvalidRequestCounterTests
{
    [Fact]
    public void Pause_GrowsWithTheCountAndBlocksNearTheLimitUntilOldSlotsExpire()
    {
        var time = new FakeTimeProvider();
        var counter = new InvalidRequestCounter(time, limit: 100);

        Record(counter, 24);
        Assert.Equal((TimeSpan.Zero, false), counter.PauseBeforeNextRequest());

        Record(counter, 26);
        var (middle, middleBlocked) = counter.PauseBeforeNextRequest();
        Record(counter, 20);
        var (later, laterBlocked) = counter.PauseBeforeNextRequest();
        Assert.False(middleBlocked || laterBlocked);
        Assert.InRange(middle, TimeSpan.FromSeconds(1), later - TimeSpan.FromTicks(1));

        time.Advance(TimeSpan.FromMinutes(5));
        Record(counter, 20);
        var (pause, blocked) = counter.PauseBeforeNextRequest();
        Assert.True(blocked);

        // The first 90 leave the window 10 minutes after they came, which brings the count below the stop line.
        Assert.InRange(pause, TimeSpan.FromMinutes(4.8), TimeSpan.FromMinutes(5));
        time.Advance(pause);
        Assert.Equal(20, counter.Count);
        Assert.False(counter.PauseBeforeNextRequest().Blocked);
    }

    private static void Record(InvalidRequestCounter counter, int times)
    {
        for (var i = 0; i < times; i++)
        {
            counter.Record();
        }
    }
}
