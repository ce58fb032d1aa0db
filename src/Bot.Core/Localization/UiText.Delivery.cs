namespace Bot.Core.Localization;

/// <summary>The sentences of digests, quiet hours and time zones (the delivery terms of a chat).</summary>
public abstract partial class UiText
{
    public abstract string DailyDigestTitle(DateOnly day);

    public abstract string WeeklyDigestTitle(DateOnly day);

    public abstract string ArticleCount(int count);

    public abstract string WebLink { get; }

    public abstract string SubscribeFirst { get; }

    public abstract string DigestSet(string schedule, string zone);

    public abstract string DigestOff { get; }

    public abstract string DigestUsage { get; }

    public abstract string QuietSet(string window, bool silent, string zone);

    public abstract string QuietOff { get; }

    public abstract string QuietUsage { get; }

    public abstract string TimeZoneSet(string zone, string localNow);

    public abstract string TimeZoneUsage { get; }

    public abstract string TimeZoneUnknown(string zone);

    /// <summary>The line /subscriptions adds: mode, quiet hours and zone.</summary>
    public abstract string Terms(string? digest, string? quiet, bool silent, string zone);
}
