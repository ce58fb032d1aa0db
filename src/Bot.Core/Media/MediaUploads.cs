using System.Collections.Concurrent;
using Bot.Core.Chat;

namespace Bot.Core.Media;

/// <summary>The archived bytes of an image a platform has not seen yet, to upload.</summary>
public sealed record ImageUpload(StoredImage Image, byte[] Bytes);

/// <summary>What one send with an image did.</summary>
/// <param name="RemoteRef">What the platform gave back for the image (Telegram file_id, Discord attachment URL), to reuse.</param>
/// <param name="RefRejected">The reused reference was refused (expired, unknown): the image is uploaded again.</param>
public sealed record ImageSend<T>(T Result, string? RemoteRef = null, bool RefRejected = false);

/// <summary>
/// Sends archived images so that a platform receives each one once: the first send uploads the bytes and
/// records what the platform gave back (file_id, attachment URL); every later send, to any chat, reuses it.
/// Sends of one image wait for its first upload rather than uploading in parallel, so a broadcast to
/// 10,000 chats costs one upload.
/// </summary>
public sealed class MediaUploads(IMediaCatalog catalog, MediaFiles files)
{
    private readonly ConcurrentDictionary<(string, Platform), string> _refs = new();
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
                await catalog.SetUploadAsync(image.Sha256, platform, remote, ct);
                _refs[key] = remote;
            }

            return sent.Result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>What the platform gave for this image before, if anything (for albums, which mix reused and new images).</summary>
    public async Task<string?> KnownRefAsync(StoredImage image, Platform platform, CancellationToken ct)
    {
        var key = (image.Sha256, platform);
        if (_refs.TryGetValue(key, out var remote))
        {
            return remote;
        }

        remote = await catalog.GetUploadAsync(image.Sha256, platform, ct);
        if (remote is not null)
        {
            _refs[key] = remote;
        }

        return remote;
    }

    public async Task RememberAsync(StoredImage image, Platform platform, string remoteRef, CancellationToken ct)
    {
        await catalog.SetUploadAsync(image.Sha256, platform, remoteRef, ct);
        _refs[(image.Sha256, platform)] = remoteRef;
    }

    public async Task ForgetAsync(StoredImage image, Platform platform, CancellationToken ct)
    {
        _refs.TryRemove((image.Sha256, platform), out _);
        await catalog.ForgetUploadAsync(image.Sha256, platform, ct);
    }

    public Task<byte[]?> ReadAsync(StoredImage image, CancellationToken ct) => files.ReadAllAsync(image.Sha256, ct);

    private async Task<ImageSend<T>?> TryByRefAsync<T>((string Sha256, Platform Platform) key, Func<string, CancellationToken, Task<ImageSend<T>>> byRef, CancellationToken ct)
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

        var sent = await byRef(remote, ct);
        if (!sent.RefRejected)
        {
            return sent;
        }

        _refs.TryRemove(key, out _);
        await catalog.ForgetUploadAsync(key.Sha256, key.Platform, ct);
        return null;
    }
}
