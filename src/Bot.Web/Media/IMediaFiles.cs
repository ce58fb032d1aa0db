namespace Bot.Web.Media;

/// <summary>A stored file served under /media/{sha256}.</summary>
public sealed record MediaFile(Stream Content, string ContentType, long Length);

/// <summary>
/// The seam to the media store of issue 15 (content-addressed images of articles). The web archive asks
/// it for a file by its SHA-256; until the store exists, <see cref="NoMediaFiles"/> answers "not found"
/// and /media/{sha256} is a 404. Registering a real implementation is all that the web archive needs.
/// </summary>
public interface IMediaFiles
{
    /// <param name="sha256">64 lower-case hex digits, already checked.</param>
    Task<MediaFile?> OpenAsync(string sha256, CancellationToken ct);

    /// <summary>Every stored hash, for the static export (which copies media beside the pages).</summary>
    IAsyncEnumerable<string> AllAsync(CancellationToken ct);
}

/// <summary>No media store yet: nothing is found, nothing is exported.</summary>
public sealed class NoMediaFiles : IMediaFiles
{
    public Task<MediaFile?> OpenAsync(string sha256, CancellationToken ct) => Task.FromResult<MediaFile?>(null);

    public async IAsyncEnumerable<string> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        yield break;
    }
}
