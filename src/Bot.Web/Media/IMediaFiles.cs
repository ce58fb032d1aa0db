using System.Runtime.CompilerServices;
using Bot.Core.Media;

namespace Bot.Web.Media;

/// <summary>A stored file served under /media/{sha256}.</summary>
public sealed record MediaFile(Stream Content, string ContentType, long Length);

/// <summary>The archive's images as the web archive serves and exports them.</summary>
public interface IMediaFiles
{
    /// <param name="sha256">64 lower-case hex digits, already checked.</param>
    Task<MediaFile?> OpenAsync(string sha256, CancellationToken ct);

    /// <summary>Every image some article uses, for the static export (which copies media beside the pages).</summary>
    IAsyncEnumerable<string> AllAsync(CancellationToken ct);
}

/// <summary>The media store of issue 15: the catalog says what an image is, the files hold its bytes.</summary>
public sealed class StoredMediaFiles(IMediaCatalog catalog, MediaFiles files) : IMediaFiles
{
    public async Task<MediaFile?> OpenAsync(string sha256, CancellationToken ct)
    {
        if (!MediaFiles.IsHash(sha256) || await catalog.GetAsync(sha256, ct) is not { } image)
        {
            return null;
        }

        var stream = files.OpenRead(sha256);
        return stream is null ? null : new MediaFile(stream, image.ContentType, stream.Length);
    }

    public async IAsyncEnumerable<string> AllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var entry in await catalog.ListAsync(ct))
        {
            if (entry.References > 0)
            {
                yield return entry.Image.Sha256;
            }
        }
    }
}
