using Bot.Core.Articles;
using Bot.Core.Chat;

namespace Bot.Core.Media;

/// <summary>An image reference not stored yet, with the article it belongs to.</summary>
public sealed record MissingImage(long ArticleId, int Position, string Url, int Attempts, string? Error);

/// <summary>A stored image and how many article references use it (0: `bot media prune` removes it).</summary>
public sealed record MediaListEntry(StoredImage Image, int References);

/// <summary>The media tables: which images exist, which articles use them, what the platforms gave back for uploads.</summary>
public interface IMediaCatalog
{
    /// <summary>
    /// Makes the article's references exactly these, in this order. A URL the article already had keeps its
    /// state; a URL stored for any article is stored for this one at once, without a fetch.
    /// </summary>
    Task SetReferencesAsync(long articleId, IReadOnlyList<ImageReference> references, CancellationToken ct);

    /// <summary>References not stored yet: of these articles, or of every article when null.</summary>
    Task<IReadOnlyList<MissingImage>> MissingAsync(IReadOnlyCollection<long>? articleIds, CancellationToken ct);

    /// <summary>Records a stored image and marks every reference to <paramref name="url"/> as stored.</summary>
    Task RecordStoredAsync(string url, StoredImage image, CancellationToken ct);

    /// <summary>Records why <paramref name="url"/> could not be stored on every reference still missing it.</summary>
    Task RecordFailedAsync(string url, string reason, CancellationToken ct);

    Task<IReadOnlyList<ArticleImage>> ForArticleAsync(long articleId, CancellationToken ct);

    Task<StoredImage?> GetAsync(string sha256, CancellationToken ct);

    Task<IReadOnlyList<MediaListEntry>> ListAsync(CancellationToken ct);

    /// <summary>Removes the rows of stored images no article references any more and returns them (their files are the caller's).</summary>
    Task<IReadOnlyList<StoredImage>> DeleteUnreferencedAsync(CancellationToken ct);

    /// <summary>What <paramref name="platform"/> gave back when the image was uploaded (Telegram file_id, Discord attachment URL).</summary>
    Task<RemoteUpload?> GetUploadAsync(string sha256, Platform platform, CancellationToken ct);

    Task SetUploadAsync(string sha256, Platform platform, RemoteUpload upload, CancellationToken ct);

    /// <summary>Forgets an upload the platform no longer honours, so the next send uploads again.</summary>
    Task ForgetUploadAsync(string sha256, Platform platform, CancellationToken ct);
}
