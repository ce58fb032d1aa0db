using System.Globalization;

namespace Bot.Core.Localization;

internal sealed partial class ChineseText
{
    public override string DailyDigestTitle(DateOnly day) => $"每日摘要 · {day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}";

    public override string WeeklyDigestTitle(DateOnly day) => $"每周摘要 · {day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}";

    public override string ArticleCount(int count) => $"{count} 篇新文章";

    public override string WebLink => "网页";

    public override string SubscribeFirst => "本聊天还没有订阅。请先 /subscribe，再选择推送方式。";

    public override string DigestSet(string schedule, string zone) => $"摘要：每次在 {E(schedule)}（{E(zone)}）把新文章合成一条消息发送。/digest off 恢复逐篇推送。";

    public override string DigestOff => "已关闭摘要：新文章发布后逐篇推送。";

    public override string DigestUsage => "用法：/digest 08:00（每天）、/digest weekly mon 08:00（每周）或 /digest off。时间按本聊天的时区（/timezone）。";

    public override string QuietSet(string window, bool silent, string zone) => silent
        ? $"免打扰时段 {E(window)}（{E(zone)}）：文章照常发送，但不发通知。"
        : $"免打扰时段 {E(window)}（{E(zone)}）：这段时间发布的文章在结束后送达。";

    public override string QuietOff => "已关闭免打扰时段。";

    public override string QuietUsage => "用法：/quiet 23:00-08:00（文章等到 08:00 再送）、/quiet 23:00-08:00 silent（照常发送但不通知）或 /quiet off。";

    public override string TimeZoneSet(string zone, string localNow) => $"时区：{E(zone)}（当地现在是 {E(localNow)}）。";

    public override string TimeZoneUsage => "用法：/timezone Asia/Shanghai（IANA 时区名，例如 Europe/Berlin、America/New\\_York、UTC）。";

    public override string TimeZoneUnknown(string zone) => $"不认识时区“{E(zone)}”。请用 IANA 名称，例如 Asia/Shanghai、Europe/Berlin 或 UTC。";

    public override string Terms(string? digest, string? quiet, bool silent, string zone) =>
        (digest is null ? "推送：逐篇" : $"推送：摘要，{E(digest)}")
        + (quiet is null ? string.Empty : silent ? $"；免打扰 {E(quiet)}（静音）" : $"；免打扰 {E(quiet)}")
        + $"；时区 {E(zone)}。";
}
