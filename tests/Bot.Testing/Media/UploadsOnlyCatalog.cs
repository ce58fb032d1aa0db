using System.Collections.Concurrent;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Media;

namespace Bot.Testing.Media;

/// <summary>
/// An <see cref="IMediaCatalog"/> that keeps only upload references, in memory: for platform tests that
/// send archived images without a database. The archive side is not supported here (use SQLite for that).
/// </summary>
public sealed class UploadsOnlyCatalog : IMediaCatalog
{
    private readonly ConcurrentDictionary<(string, Platform), RemoteUpload> _uploads = new();

    public int UploadsRecorded => _uploads.Count;

    public Task<RemoteUpload?> GetUploadAsync(string sha256, Platform platform, CancellationToken ct) =>
        Task.FromResult(_uploads.TryGetValue((sha256, platform), out var remote) ? remote : null);

    public Task SetUploadAsync(string sha256, Platform platform, RemoteUpload upload, CancellationToken ct)
    {
        _uploads[(sha256, platform)] = upload;
        return Task.CompletedTask;
    }

    public Task ForgetUploadAsync(string sha256, Platform platform, CancellationToken ct)
    {
        _uploads.TryRemove((sha256, platform), out _);
        return Task.CompletedTask;
    }

    public Task SetReferencesAsync(long articleId, IReadOnlyList<ImageReference> references, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<MissingImage>> MissingAsync(IReadOnlyCollection<long>? articleIds, CancellationToken ct) => throw new NotSupportedException();

    public Task RecordStoredAsync(string url, StoredImage image, CancellationToken ct) => throw new NotSupportedException();

    public Task RecordFailedAsync(string url, string reason, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<ArticleImage>> ForArticleAsync(long articleId, CancellationToken ct) => throw new NotSupportedException();

    public Task<StoredImage?> GetAsync(string sha256, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<MediaListEntry>> ListAsync(CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<StoredImage>> DeleteUnreferencedAsync(CancellationToken ct) => throw new NotSupportedException();
}
