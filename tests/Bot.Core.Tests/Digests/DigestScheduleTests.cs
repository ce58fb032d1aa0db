using Bot.Core.Digests;
using Bot.Core.Subscriptions;
using Quartz;

namespace Bot.Core.Tests.Digests;

/// <summary>Digest times across zones and daylight saving, and the Quartz trigger built from the same cron.</summary>
public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Berlin = ChatTimeZones.TryFind("Europe/Berlin")!;
    private static readonly TimeZoneInfo Shanghai = ChatTimeZones.TryFind("Asia/Shanghai")!;

    [Fact]
    public void Daily_SameWallTimeInTwoZones_IsTwoInstants()
    {
        var after = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var eight = DigestSchedule.Daily(new TimeOnly(8, 0));

        Assert.Equal(new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero), eight.NextAfter(after, Shanghai));
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 6, 0, 0, TimeSpan.Zero), eight.NextAfter(after, Berlin));
    }

    [Fact]
    public void Daily_KeepsItsWallTimeAcrossBothDaylightSavingChanges()
    {
        var eight = DigestSchedule.Daily(new TimeOnly(8, 0));
        var times = Walk(eight, new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero), 3);
        Assert.Equal([At(3, 28, 7), At(3, 29, 6), At(3, 30, 6)], times);

        times = Walk(eight, new DateTimeOffset(2026, 10, 23, 12, 0, 0, TimeSpan.Zero), 3);
        Assert.Equal([At(10, 24, 6), At(10, 25, 7), At(10, 26, 7)], times);
    }

    [Fact]
    public void ATimeTheSpringGapSwallows_GoesOnceThatDay_AtTheJump()
    {
        // 02:30 does not exist in Berlin on 29 March 2026: clocks go from 02:00 to 03:00 (01:00 UTC).
        var times = Walk(DigestSchedule.Daily(new TimeOnly(2, 30)), new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), 2);
        Assert.Equal([At(3, 29, 1), new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero)], times);
    }

    [Fact]
    public void ATimeTheAutumnRepeats_GoesOnce()
    {
        // 02:30 happens twice in Berlin on 25 October 2026 (00:30 and 01:30 UTC).
        var times = Walk(DigestSchedule.Daily(new TimeOnly(2, 30)), new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero), 2);
        Assert.Single(times, t => t.UtcDateTime.Date == new DateTime(2026, 10, 25));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), times[1]);
    }

    [Fact]
    public void TheQuartzTrigger_FiresWhenTheStoredNextTimeSays()
    {
        var schedule = DigestSchedule.Weekly(DayOfWeek.Monday, new TimeOnly(8, 0));
        var trigger = DigestScheduler.Build(new DigestTrigger(7, schedule, Berlin));
        // A trigger starts when it is built: compare times after its start.
        var after = trigger.StartTimeUtc.AddDays(3);

        Assert.Equal("0 0 8 ? * MON", schedule.Cron);
        Assert.Equal(schedule.NextAfter(after, Berlin), trigger.GetFireTimeAfter(after));
        Assert.Equal(7L, trigger.JobDataMap.GetLong(DigestJob.SubscriptionKey));
    }

    private static List<DateTimeOffset> Walk(DigestSchedule schedule, DateTimeOffset from, int count)
    {
        var times = new List<DateTimeOffset>();
        for (var at = from; times.Count < count;)
        {
            at = schedule.NextAfter(at, Berlin);
            times.Add(at);
        }

        return times;
    }

    private static DateTimeOffset At(int month, int day, int hourUtc) => new(2026, month, day, hourUtc, 0, 0, TimeSpan.Zero);
}
