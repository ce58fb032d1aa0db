using System.Collections.Concurrent;
using Bot.Core.Articles;
using Bot.Core.Chat;

namespace Bot.Core.Media;

/// <summary>The archived bytes of an image a platform has not seen yet, to upload.</summary>
public sealed record ImageUpload(StoredImage Image, byte[] Bytes);

/// <summary>What one send with an image did.</summary>
/// <param name="RemoteRef">What the platform gave back for the image (Telegram file_id, Discord attachment URL), to reuse.</param>
/// <param name="RefRejected">The reused reference was refused (expired, unknown): the image is uploaded again.</param>
/// <param name="ExpiresAt">When <paramref name="RemoteRef"/> stops working (Discord's signed CDN URLs); null when it does not.</param>
public sealed record ImageSend<T>(T Result, string? RemoteRef = null, bool RefRejected = false, DateTimeOffset? ExpiresAt = null);

/// <summary>
/// Sends archived images so that a platform receives each one once: the first send uploads the bytes and
/// records what the platform gave back (file_id, attachment URL); every later send, to any chat, reuses it.
/// Sends of one image wait for its first upload rather than uploading in parallel, so a broadcast to
/// 10,000 chats costs one upload. A reference that expires (Discord's signed URLs) is reused only while it
/// has more than <see cref="ExpiryMargin"/> left; after that the next send uploads again.
/// </summary>
public sealed class MediaUploads(IMediaCatalog catalog, MediaFiles files, TimeProvider time)
{
    /// <summary>
    /// A reference this close to its expiry is not reused: a send queued behind rate limits (or an album
    /// assembled now and posted later) must not post a link that dies on the way.
    /// </summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(string, Platform), RemoteUpload> _refs = new();
    private readonly ConcurrentDictionary<(string, Platform), SemaphoreSlim> _uploading = new();

    public async Task<T> SendAsync<T>(
        StoredImage image,
        Platform platform,
        Func<string, CancellationToken, Task<ImageSend<T>>> byRef,
        Func<ImageUpload, CancellationToken, Task<ImageSend<T>>> byUpload,
        CancellationToken ct)
    {
        var key = (image.Sha256, platform);
        if (await TryByRefAsync(key, byRef, ct) is { } reused)
        {
            return reused.Result;
        }

        var gate = _uploading.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            // Another send uploaded it while this one waited.
            if (await TryByRefAsync(key, byRef, ct) is { } late)
            {
                return late.Result;
            }

            var bytes = await files.ReadAllAsync(image.Sha256, ct)
                ?? throw new FileNotFoundException($"The archived image {image.Sha256} is missing from {files.Folder}.");
            var sent = await byUpload(new ImageUpload(image, bytes), ct);
            if (sent.RemoteRef is { } remote)
            {
                await RememberAsync(image, platform, new RemoteUpload(remote, sent.ExpiresAt), ct);
            }

            return sent.Result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>What the platform gave for this image before and still honours, if anything (for albums, which mix reused and new images).</summary>
    public async Task<string?> KnownRefAsync(StoredImage image, Platform platform, CancellationToken ct) =>
        (await UsableAsync((image.Sha256, platform), ct))?.Ref;

    public Task RememberAsync(StoredImage image, Platform platform, string remoteRef, CancellationToken ct) =>
        RememberAsync(image, platform, new RemoteUpload(remoteRef), ct);

    public async Task RememberAsync(StoredImage image, Platform platform, RemoteUpload upload, CancellationToken ct)
    {
        await catalog.SetUploadAsync(image.Sha256, platform, upload, ct);
        _refs[(image.Sha256, platform)] = upload;
    }

    public async Task ForgetAsync(StoredImage image, Platform platform, CancellationToken ct)
    {
        _refs.TryRemove((image.Sha256, platform), out _);
        await catalog.ForgetUploadAsync(image.Sha256, platform, ct);
    }

    public Task<byte[]?> ReadAsync(StoredImage image, CancellationToken ct) => files.ReadAllAsync(image.Sha256, ct);

    private async Task<RemoteUpload?> UsableAsync((string Sha256, Platform Platform) key, CancellationToken ct)
    {
        if (!_refs.TryGetValue(key, out var remote))
        {
            remote = await catalog.GetUploadAsync(key.Sha256, key.Platform, ct);
            if (remote is null)
            {
                return null;
            }

            _refs[key] = remote;
        }

        // An expired reference stays recorded until the upload that replaces it overwrites the row.
        return remote.IsUsableAt(time.GetUtcNow(), ExpiryMargin) ? remote : null;
    }

    private async Task<ImageSend<T>?> TryByRefAsync<T>((string Sha256, Platform Platform) key, Func<string, CancellationToken, Task<ImageSend<T>>> byRef, CancellationToken ct)
    {
        if (await UsableAsync(key, ct) is not { } remote)
        {
            return null;
        }

        var sent = await byRef(remote.Ref, ct);
        if (!sent.RefRejected)
        {
            return sent;
        }

        _refs.TryRemove(key, out _);
        await catalog.ForgetUploadAsync(key.Sha256, key.Platform, ct);
        return null;
    }
}
