using Bot.Core.Articles;

namespace Bot.Telegram.Rendering;

/// <summary>One message of an article on Telegram: text, a photo with a caption, or an album.</summary>
public abstract record TelegramPart
{
    private TelegramPart()
    {
    }

    public sealed record Text(string Html) : TelegramPart;

    /// <param name="CaptionHtml">At most 1024 characters after entities; empty for no caption.</param>
    public sealed record Photo(StoredImage Image, string CaptionHtml) : TelegramPart;

    /// <summary>2–10 photos sent with sendMediaGroup.</summary>
    public sealed record Album(IReadOnlyList<StoredImage> Images) : TelegramPart;
}
