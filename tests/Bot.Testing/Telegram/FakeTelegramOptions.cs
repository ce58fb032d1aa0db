namespace Bot.Testing.Telegram;

/// <summary>How strict the fake is. Rate limits default to Telegram's documented ones.</summary>
public sealed record FakeTelegramOptions
{
    public string Token { get; init; } = "123456:TEST-token_abcdefghijklmnop";

    public long BotId { get; init; } = 123456;

    public string BotUsername { get; init; } = "ArticlesTestBot";

    public bool EnforceRateLimits { get; init; } = true;

    /// <summary>Messages per second over all chats.</summary>
    public int GlobalPerSecond { get; init; } = 30;

    /// <summary>Messages per second to one private chat.</summary>
    public int PrivatePerSecond { get; init; } = 1;

    /// <summary>Messages per minute to one group or channel.</summary>
    public int GroupPerMinute { get; init; } = 20;

    /// <summary>How long Telegram still lets a bot delete its message.</summary>
    public TimeSpan DeleteWindow { get; init; } = TimeSpan.FromHours(48);

    public long MaxDownloadBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>
    /// A wait before every answer except getUpdates, in real time: benches use it to stand for the
    /// network round trip to Telegram. Tests leave it at zero (they never wait for time).
    /// </summary>
    public TimeSpan ResponseDelay { get; init; } = TimeSpan.Zero;
}
