namespace Bot.Core.Localization;

/// <summary>
/// The words of digests and of the delivery-terms commands (/digest, /quiet, /timezone), per language.
/// Values are Core Markdown; a zone name is taken raw and escaped here, as UiText does with its values.
/// </summary>
public abstract class DeliveryText
{
    public static DeliveryText For(string? languageTag) => For(Languages.FromTag(languageTag));

    public static DeliveryText For(Language language) => language == Language.Chinese ? Chinese : English;

    public static DeliveryText English { get; } = new EnglishDeliveryText();

    public static DeliveryText Chinese { get; } = new ChineseDeliveryText();

    protected static string E(string? value) => Rendering.MarkdownText.Escape(value);

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
