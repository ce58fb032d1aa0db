namespace Bot.Core.Sources;

/// <summary>Sources and the items they brought, in the archive's database.</summary>
public interface ISourceStore
{
    /// <returns>The new source, or null when one with the same URL exists.</returns>
    Task<Source?> AddAsync(NewSource source, CancellationToken ct);

    Task<IReadOnlyList<Source>> ListAsync(CancellationToken ct);

    Task<Source?> GetAsync(long id, CancellationToken ct);

    /// <summary>Removes the source; its articles stay in the archive.</summary>
    Task<bool> RemoveAsync(long id, CancellationToken ct);

    /// <summary>Pauses or resumes; resuming clears the failure count and makes the source due now.</summary>
    Task<bool> SetPausedAsync(long id, bool paused, CancellationToken ct);

    /// <summary>
    /// The keys of items already stored for the source with the hash of their feed entry (null when not
    /// recorded): a full-text source fetches the page only of a new item or of one the feed changed.
    /// </summary>
    Task<IReadOnlyDictionary<string, string?>> KnownItemsAsync(long sourceId, CancellationToken ct);

    /// <summary>
    /// Stores a poll's items in one transaction: new ones as articles (the backlog published quietly,
    /// anything later as drafts, which the poller publishes once their images are archived), changed ones
    /// updated in place, unchanged ones left alone.
    /// </summary>
    Task<StoredItems> StoreItemsAsync(long sourceId, IReadOnlyList<SourceItem> items, ItemMode mode, CancellationToken ct);

    Task SavePollAsync(long sourceId, PollState state, CancellationToken ct);

    /// <summary>The source's articles still drafts, oldest first: for a source without review, items stored but not yet published.</summary>
    Task<IReadOnlyList<long>> DraftArticleIdsAsync(long sourceId, CancellationToken ct);

    /// <summary>The source's articles with an image not stored yet and tried fewer than <paramref name="maxAttempts"/> times.</summary>
    Task<IReadOnlyList<long>> ArticlesMissingImagesAsync(long sourceId, int maxAttempts, CancellationToken ct);
}
