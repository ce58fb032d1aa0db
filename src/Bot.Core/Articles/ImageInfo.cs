namespace Bot.Core.Articles;

/// <summary>What the bytes of an image say about themselves: their type and size in pixels.</summary>
public sealed record ImageInfo(string ContentType, int Width, int Height)
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";

    /// <summary>A file name extension for uploads that need one (Discord attachments, Telegram multipart).</summary>
    public string Extension => ContentType switch
    {
        Png => "png",
        Jpeg => "jpg",
        Gif => "gif",
        _ => "webp",
    };
}
