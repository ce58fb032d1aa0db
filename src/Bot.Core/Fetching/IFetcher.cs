namespace Bot.Core.Fetching;

/// <summary>
/// The one way the bot fetches anything from outside: feeds, pages, images. Never throws for what the
/// remote side does (bad status, refused address, timeout, oversize body); those come back as
/// <see cref="FetchFailed"/>. Only the caller's own cancellation throws.
/// </summary>
public interface IFetcher
{
    Task<FetchResult> FetchAsync(Uri url, FetchRequest? request = null, CancellationToken cancellationToken = default);
}
