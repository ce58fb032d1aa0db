using Bot.Core.Fetching;

namespace Bot.Core.Media;

/// <summary>
/// Images through the project's one safe fetch client (<see cref="IFetcher"/>): its address checks,
/// deadline and byte counting apply, with the tighter of Media:MaxBytes and Fetch:MaxBytes, and no Referer.
/// The server's Content-Type is ignored: the archiver sniffs the bytes.
/// </summary>
public sealed class SafeMediaFetcher(IFetcher fetcher) : IMediaFetcher
{
    private static readonly FetchRequest Images = new(Accept: "image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1");

    public async Task<MediaFetchResult> FetchAsync(Uri url, long maxBytes, CancellationToken ct) =>
        await fetcher.FetchAsync(url, Images with { MaxBytes = maxBytes }, ct) switch
        {
            FetchedBody body => new MediaFetchResult.Fetched(body.Body),
            FetchFailed { Reason: FetchFailure.HttpStatus, Status: { } status } => new MediaFetchResult.Failed($"HTTP {(int)status}"),
            FetchFailed { Reason: FetchFailure.TooLarge } => new MediaFetchResult.Failed($"larger than {maxBytes} bytes (Media:MaxBytes)"),
            FetchFailed failed => new MediaFetchResult.Failed(failed.Message),
            _ => new MediaFetchResult.Failed("no body (not modified)"),
        };
}
