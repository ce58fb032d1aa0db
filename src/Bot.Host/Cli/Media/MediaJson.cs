using Bot.Core.Articles;

namespace Bot.Host.Cli.Media;

/// <summary>The exact JSON shape of an article's image that other tools rely on (issue 15).</summary>
public static class MediaJson
{
    public static object Entry(ArticleImage image) => new
    {
        url = image.Url,
        alt = image.Alt,
        sha256 = image.Stored?.Sha256,
        bytes = image.Stored?.Bytes,
        content_type = image.Stored?.ContentType,
        width = image.Stored?.Width,
        height = image.Stored?.Height,
        stored = image.IsStored,
        error = image.Error,
    };
}
