namespace Bot.Core.Media;

/// <summary>Stands in when no fetch client is registered: every image is recorded as not stored, to be retried later.</summary>
internal sealed class UnavailableMediaFetcher : IMediaFetcher
{
    public Task<MediaFetchResult> FetchAsync(Uri url, long maxBytes, CancellationToken ct) =>
        Task.FromResult<MediaFetchResult>(new MediaFetchResult.Failed("no fetch client is configured"));
}
