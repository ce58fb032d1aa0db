using Bot.Core.Articles;
using Bot.Core.Media;

namespace Bot.Testing.Media;

/// <summary>Articles with archived images, built in memory for renderer and channel tests.</summary>
public static class ImageArticles
{
    public static Article Create(long id, string title, string body, params ArticleImage[] images) =>
        new Article(
            id, $"a{id}", title, "作者", new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), null, ["朝鲜"], [], null, null, null,
            body, body, body, $"hash-{id}-{body.Length}", "zh", ArticleState.Published, null, null, new Dictionary<string, string>())
        {
            Images = images,
        };

    /// <summary>A stored image at <paramref name="url"/> whose bytes are <paramref name="bytes"/> (write them to a <see cref="MediaFiles"/> to serve them).</summary>
    public static ArticleImage Stored(int position, string url, byte[] bytes, string alt = "")
    {
        var info = ImageSniffer.Sniff(bytes) ?? throw new ArgumentException("not an image", nameof(bytes));
        return new ArticleImage(position, url, alt, new StoredImage(MediaFiles.Hash(bytes), bytes.Length, info.ContentType, info.Width, info.Height, DateTimeOffset.UnixEpoch), null);
    }

    public static ArticleImage Missing(int position, string url, string error = "HTTP 404", string alt = "") =>
        new(position, url, alt, null, error);
}
