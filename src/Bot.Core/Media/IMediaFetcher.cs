namespace Bot.Core.Media;

/// <summary>The bytes behind an image URL, or why there are none.</summary>
public abstract record MediaFetchResult
{
    private MediaFetchResult()
    {
    }

    public sealed record Fetched(byte[] Bytes) : MediaFetchResult;

    /// <param name="Reason">Short and safe to show an operator (no headers, no bodies).</param>
    public sealed record Failed(string Reason) : MediaFetchResult;
}

/// <summary>
/// Fetches one image for the archiver. The implementation goes through the project's one safe fetch
/// client: no private addresses unless allowed, bytes counted while reading, bounded timeouts, and
/// no Referer header (hosts that refuse foreign referers answer a request without one).
/// </summary>
public interface IMediaFetcher
{
    Task<MediaFetchResult> FetchAsync(Uri url, long maxBytes, CancellationToken ct);
}
