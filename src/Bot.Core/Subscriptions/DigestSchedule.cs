using System.Globalization;
using Quartz;

namespace Bot.Core.Subscriptions;

/// <summary>
/// When a subscription's digest goes out, in the chat's local time: every day at <see cref="At"/>, or
/// every week on <see cref="Day"/> at <see cref="At"/>. The schedule is a Quartz cron expression in the
/// chat's zone, so the trigger and the next time stored for a restart are computed by the same code.
/// </summary>
public sealed record DigestSchedule(DeliveryMode Mode, TimeOnly At, DayOfWeek? Day = null)
{
    public static DigestSchedule Daily(TimeOnly at) => new(DeliveryMode.Daily, at);

    public static DigestSchedule Weekly(DayOfWeek day, TimeOnly at) => new(DeliveryMode.Weekly, at, day);

    /// <summary>Seconds, minutes, hours, day of month, month, day of week (Quartz syntax).</summary>
    public string Cron => string.Create(
        CultureInfo.InvariantCulture,
        $"0 {At.Minute} {At.Hour} ? * {(Mode == DeliveryMode.Weekly ? DayName(Day ?? DayOfWeek.Monday) : "*")}");

    /// <summary>
    /// The first digest time strictly after <paramref name="after"/>. Daylight saving is Quartz's: a time
    /// swallowed by a spring-forward gap goes at the instant the clocks jumped to, a time repeated in autumn goes once.
    /// </summary>
    public DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        var cron = new CronExpression(Cron, zone);
        return cron.GetNextValidTimeAfter(after) ?? throw new InvalidOperationException($"cron '{Cron}' has no next time");
    }

    /// <summary>"08:00" or "Mon 08:00": how the schedule is shown back to the reader.</summary>
    public string Display => Mode == DeliveryMode.Weekly
        ? string.Create(CultureInfo.InvariantCulture, $"{DayName(Day ?? DayOfWeek.Monday).ToLowerInvariant()} {At:HH\\:mm}")
        : At.ToString("HH\\:mm", CultureInfo.InvariantCulture);

    private static string DayName(DayOfWeek day) => day.ToString()[..3].ToUpperInvariant();
}
