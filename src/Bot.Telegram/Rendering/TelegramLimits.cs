namespace Bot.Telegram.Rendering;

/// <summary>Telegram's documented limits, in UTF-16 units of text after entity parsing.</summary>
public static class TelegramLimits
{
    public const int MessageText = 4096;

    public const int CallbackData = 64;

    public const long DownloadBytes = 20L * 1024 * 1024;

    public const int InlineResults = 50;
}
