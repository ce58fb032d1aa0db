using System.Globalization;

namespace Bot.Core.Localization;

internal sealed partial class EnglishText
{
    public override string DailyDigestTitle(DateOnly day) => $"Daily digest · {day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}";

    public override string WeeklyDigestTitle(DateOnly day) => $"Weekly digest · {day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}";

    public override string ArticleCount(int count) => count == 1 ? "1 new article" : $"{count} new articles";

    public override string WebLink => "web";

    public override string SubscribeFirst => "This chat has no subscription yet. /subscribe first, then choose how it is delivered.";

    public override string DigestSet(string schedule, string zone) => $"Digest: one message with the new articles at {E(schedule)} ({E(zone)}). /digest off for each article as it comes.";

    public override string DigestOff => "Digest off: each new article arrives as it is published.";

    public override string DigestUsage => "Usage: /digest 08:00 (daily), /digest weekly mon 08:00, or /digest off. Times are in this chat's zone (/timezone).";

    public override string QuietSet(string window, bool silent, string zone) => silent
        ? $"Quiet hours {E(window)} ({E(zone)}): articles still arrive, without a notification."
        : $"Quiet hours {E(window)} ({E(zone)}): articles published then arrive when they end.";

    public override string QuietOff => "Quiet hours off.";

    public override string QuietUsage => "Usage: /quiet 23:00-08:00 (articles wait until 08:00), /quiet 23:00-08:00 silent (sent without a notification), or /quiet off.";

    public override string TimeZoneSet(string zone, string localNow) => $"Time zone: {E(zone)} (it is {E(localNow)} there now).";

    public override string TimeZoneUsage => "Usage: /timezone Asia/Shanghai (an IANA zone name, e.g. Europe/Berlin, America/New\\_York, UTC).";

    public override string TimeZoneUnknown(string zone) => $"I don't know the time zone \"{E(zone)}\". Use an IANA name such as Asia/Shanghai, Europe/Berlin or UTC.";

    public override string Terms(string? digest, string? quiet, bool silent, string zone) =>
        (digest is null ? "Delivery: each article as it comes" : $"Delivery: digest at {E(digest)}")
        + (quiet is null ? string.Empty : silent ? $"; quiet hours {E(quiet)} (silent)" : $"; quiet hours {E(quiet)}")
        + $"; time zone {E(zone)}.";
}
