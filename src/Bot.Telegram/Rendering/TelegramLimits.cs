namespace Bot.Telegram.Rendering;

/// <summary>Telegram's documented limits, in UTF-16 units of text after entity parsing.</summary>
public static class TelegramLimits
{
    public const int MessageText = 4096;

    public const int CallbackData = 64;

    public const long DownloadBytes = 20L * 1024 * 1024;

    public const int InlineResults = 50;

    /// <summary>A photo's caption (sendPhoto, sendMediaGroup), after entity parsing.</summary>
    public const int Caption = 1024;

    /// <summary>sendMediaGroup takes 2–10 items.</summary>
    public const int MediaGroup = 10;

    /// <summary>Largest photo sendPhoto accepts as an upload; larger images stay links.</summary>
    public const long PhotoBytes = 10L * 1024 * 1024;

    /// <summary>A photo's width plus height, and the most one side may be the other's multiple.</summary>
    public const int PhotoSides = 10_000;

    public const int PhotoRatio = 20;
}
