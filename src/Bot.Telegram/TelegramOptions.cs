namespace Bot.Telegram;

/// <summary>The "Telegram" configuration section. The adapter is off when <see cref="Token"/> is empty.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public string Token { get; set; } = string.Empty;

    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>When set (https), Telegram pushes updates to it and polling is off.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token on every webhook call.</summary>
    public string? WebhookSecret { get; set; }

    public int PollTimeoutSeconds { get; set; } = 50;

    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How long answers to inline queries may be cached by Telegram.</summary>
    public int InlineCacheSeconds { get; set; } = 30;

    /// <summary>Updates handled at once (received and not yet handled); one chat's updates always run in order.</summary>
    public int MaxUpdatesInFlight { get; set; } = 32;

    /// <summary>
    /// Deliveries set allow_paid_broadcast, and Delivery:Telegram:GlobalPerSecond may then go above 30
    /// (up to 1,000/s). Telegram charges Stars for every message beyond the free 30/s.
    /// </summary>
    public bool AllowPaidBroadcast { get; set; }

    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);
}
