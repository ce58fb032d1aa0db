using System.ComponentModel.DataAnnotations;

namespace Bot.Core.Delivery;

/// <summary>Token-bucket limits of one platform. A rate of 0 means no limit.</summary>
public sealed class PlatformRateOptions
{
    /// <summary>Messages per second over all chats (Telegram ≈ 30; more for paid broadcasts).</summary>
    [Range(0, 100_000)]
    public double GlobalPerSecond { get; set; }

    /// <summary>How many messages may go at once before the global rate applies.</summary>
    [Range(1, 100_000)]
    public int GlobalBurst { get; set; } = 1;

    /// <summary>Messages per second to one private chat.</summary>
    [Range(0, 1000)]
    public double PrivatePerSecond { get; set; }

    /// <summary>Messages per minute to one group, channel or Discord channel.</summary>
    [Range(0, 60_000)]
    public double GroupPerMinute { get; set; }

    /// <summary>How many messages one chat may get at once before its rate applies.</summary>
    [Range(1, 1000)]
    public int ChatBurst { get; set; } = 1;

    public static PlatformRateOptions TelegramDefaults() => new()
    {
        GlobalPerSecond = 30,
        // A small burst keeps the sending even, so the platform's own bucket never sees a spike from jitter.
        GlobalBurst = 5,
        PrivatePerSecond = 1,
        GroupPerMinute = 20,
        ChatBurst = 1,
    };

    public static PlatformRateOptions DiscordDefaults() => new()
    {
        GlobalPerSecond = 50,
        GlobalBurst = 5,
        PrivatePerSecond = 1,
        GroupPerMinute = 60,
        ChatBurst = 5,
    };
}
