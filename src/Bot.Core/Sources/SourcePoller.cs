using Bot.Core.Articles;
using Bot.Core.Fetching;
using Bot.Core.Importing;
using Bot.Core.Media;
using Bot.Core.Publishing;
using Bot.Core.Sources.Feeds;
using Bot.Core.Sources.Pages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Sources;

/// <summary>
/// Polls one source: fetches (conditionally) and parses a feed, or reads a folder, and stores the items.
/// The first successful poll takes the backlog quietly; later ones publish new items with their fan-out
/// (or keep them as drafts for review). Failures back off and, after Sources:DisableAfterFailures in a
/// row, pause the source and tell the admins once. Nothing a source does escapes as an exception.
/// </summary>
public sealed class SourcePoller(
    IFetcher fetcher,
    ISourceStore store,
    IArticleParser parser,
    PageFetcher pages,
    IAdminNotifier notifier,
    IOptions<SourceOptions> options,
    IPublishingService publishing,
    TimeProvider time,
    ILogger<SourcePoller> logger,
    MediaArchiver? media = null)
{
    /// <summary>Marks the entry hash of a full-text item stored with the feed's summary because its page failed.</summary>
    private const string PagePending = "page-pending:";

    /// <summary>A source's image that failed this often is left to `bot media retry`.</summary>
    private const int MaxImageAttempts = 10;

    private const string AcceptFeeds = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    /// <summary>Polls every source that is due (all unpaused ones when <paramref name="force"/>), a few at a time.</summary>
    public async Task<IReadOnlyList<SourcePollResult>> PollDueAsync(bool force, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = (await store.ListAsync(ct)).Where(s => !s.Paused && (force || s.NextPollAt <= now)).ToList();
        var results = new SourcePollResult[due.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, due.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct },
            async (i, token) => results[i] = await PollAsync(due[i], token));
        return results;
    }

    public async Task<SourcePollResult> PollAsync(Source source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return source.Kind == SourceKind.Feed ? await PollFeedAsync(source, ct) : await PollFolderAsync(source, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Polling source {SourceId} failed unexpectedly", source.Id);
            return await FailAsync(source, $"unexpected error: {e.Message}", null, ct);
        }
    }

    private async Task<SourcePollResult> PollFeedAsync(Source source, CancellationToken ct)
    {
        var url = new Uri(source.Url);
        var request = new FetchRequest(AcceptFeeds, source.ETag, source.LastModified);
        var fetched = await fetcher.FetchAsync(url, request, ct);
        switch (fetched)
        {
            case FetchFailed failed:
                return await FailAsync(source, failed.Message, failed.RetryAfter, ct);
            case FetchNotModified notModified:
                await FinishAsync(source, null, ct);
                await store.SavePollAsync(source.Id, Succeeded(source, "not_modified", notModified.ETag ?? source.ETag, notModified.LastModified ?? source.LastModified, null, null), ct);
                return new SourcePollResult(source.Id, source.Url, 0, 0, 0, 0, "not_modified", null);
        }

        var body = (FetchedBody)fetched;
        var parsed = FeedParser.Parse(body.Body, body.Charset);
        if (parsed.Feed is not { } feed)
        {
            return await FailAsync(source, parsed.Error, null, ct);
        }

        if (feed.Entries.Count > options.Value.MaxItems)
        {
            return await FailAsync(source, $"the feed has {feed.Entries.Count} items, more than Sources:MaxItems ({options.Value.MaxItems})", null, ct);
        }

        var known = source.FullText ? await store.KnownItemsAsync(source.Id, ct) : new Dictionary<string, string?>();
        var items = new List<SourceItem>(feed.Entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        // Feeds list the newest first; storing oldest first gives older items the smaller ids.
        foreach (var entry in feed.Entries.Reverse())
        {
            var key = SourceArticles.ItemKey(entry);
            if (!seen.Add(key))
            {
                continue; // a feed that repeats an item: the oldest occurrence is kept
            }

            var fromFeed = SourceArticles.FromEntry(entry, body.FinalUrl, source.Tags);
            if (!source.FullText)
            {
                items.Add(new SourceItem(key, fromFeed));
                continue;
            }

            var isKnown = known.TryGetValue(key, out var entryHash);
            if (isKnown && (entryHash is null || entryHash == fromFeed.ContentHash))
            {
                // Its page was extracted before and the feed has not changed the item: the page is not fetched again.
                skipped++;
                continue;
            }

            ExtractedPage? page = null;
            if (entry.Link is { } link && Uri.TryCreate(body.FinalUrl, link, out var pageUrl))
            {
                var (extracted, _, error) = await pages.FetchAsync(pageUrl, ct);
                page = extracted;
                if (error is not null)
                {
                    logger.LogInformation("Source {SourceId}: full text of {Url} not extracted ({Error})", source.Id, pageUrl, error);
                }
            }

            if (page is null && isKnown)
            {
                // A changed item whose page failed keeps its extracted text; the next poll tries again.
                skipped++;
                continue;
            }

            // A new item whose page failed keeps the feed's summary, and an entry hash the feed's never
            // equals, so each later poll tries its page again (an update in place once it comes, not a push).
            items.Add(page is null
                ? new SourceItem(key, fromFeed, PagePending + fromFeed.ContentHash)
                : new SourceItem(key, SourceArticles.FromEntry(entry, body.FinalUrl, source.Tags, page), fromFeed.ContentHash));
        }

        var stored = await store.StoreItemsAsync(source.Id, items, Mode(source), ct);
        await FinishAsync(source, stored, ct);
        await store.SavePollAsync(source.Id, Succeeded(source, "ok", body.ETag, body.LastModified, feed.Ttl, feed.SkipHours), ct);
        await TellReviewersAsync(source, stored, ct);
        return new SourcePollResult(source.Id, source.Url, stored.NewArticleIds.Count, stored.Updated, stored.Unchanged + skipped, 0, "ok", null);
    }

    private async Task<SourcePollResult> PollFolderAsync(Source source, CancellationToken ct)
    {
        if (!Directory.Exists(source.Url))
        {
            return await FailAsync(source, $"the folder {source.Url} does not exist or cannot be read", null, ct);
        }

        var (files, failures) = ImportFileFinder.Find([source.Url]);
        var items = new List<SourceItem>(files.Count);
        var failed = failures.Count;
        foreach (var file in files.OrderBy(f => f.SourceFile, StringComparer.Ordinal))
        {
            try
            {
                var result = parser.Parse(file.SourceFile, await File.ReadAllBytesAsync(file.FullPath, ct));
                if (result.Article is { } article)
                {
                    var withTags = source.Tags.Count == 0 ? article : article with { Tags = [.. article.Tags.Concat(source.Tags).Distinct(StringComparer.OrdinalIgnoreCase)] };
                    items.Add(new SourceItem("file:" + file.SourceFile, withTags with { SourceFile = file.SourceFile }));
                }
                else
                {
                    failed++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed++;
            }
        }

        var stored = await store.StoreItemsAsync(source.Id, items, Mode(source), ct);
        await FinishAsync(source, stored, ct);
        await store.SavePollAsync(source.Id, Succeeded(source, "ok", null, null, null, null), ct);
        await TellReviewersAsync(source, stored, ct);
        return new SourcePollResult(source.Id, source.Url, stored.NewArticleIds.Count, stored.Updated, stored.Unchanged, failed, "ok", null);
    }

    private static ItemMode Mode(Source source) => !source.BacklogTaken ? ItemMode.Backlog : source.Review ? ItemMode.Review : ItemMode.Publish;

    /// <summary>
    /// After the items are stored: their images archived (and the source's earlier failed ones tried again),
    /// then the new drafts published with their fan-out (a source under review leaves them to the admins).
    /// </summary>
    private async Task FinishAsync(Source source, StoredItems? stored, CancellationToken ct)
    {
        var written = stored?.Written ?? [];
        await ArchiveImagesAsync(source, written, ct);
        var deliveries = 0;
        if (source.BacklogTaken && !source.Review)
        {
            // Every draft of such a source is an item stored and not yet published, this poll's or one a crash interrupted.
            foreach (var id in await store.DraftArticleIdsAsync(source.Id, ct))
            {
                deliveries += (await publishing.PublishNowAsync(id, ct)).Deliveries;
            }
        }

        if (stored is not null)
        {
            logger.LogInformation(
                "Source {SourceId}: {New} new, {Updated} updated, {Unchanged} unchanged, {Deliveries} deliveries",
                source.Id, stored.NewArticleIds.Count, stored.Updated, stored.Unchanged, deliveries);
        }
    }

    /// <summary>After the poll is saved, so an admin's slow chat never holds the source's bookkeeping back.</summary>
    private async Task TellReviewersAsync(Source source, StoredItems stored, CancellationToken ct)
    {
        if (Mode(source) != ItemMode.Review)
        {
            return;
        }

        foreach (var id in stored.NewArticleIds)
        {
            await notifier.NotifyAsync(new AdminNotice.DraftFromSource(source.Id, id), ct);
        }
    }

    private async Task ArchiveImagesAsync(Source source, IReadOnlyList<(long ArticleId, SourceItem Item)> written, CancellationToken ct)
    {
        if (media is null)
        {
            return;
        }

        try
        {
            // Exactly as an import: the references of the new and changed articles' Markdown, fetched now.
            if (written.Count > 0)
            {
                await media.ArchiveAsync([.. written.Select(w => new MediaSource(w.ArticleId, w.Item.Article.Body, w.Item.Article.SourceUrl))], ct);
            }

            var retry = (await store.ArticlesMissingImagesAsync(source.Id, MaxImageAttempts, ct)).Except(written.Select(w => w.ArticleId)).ToList();
            if (retry.Count > 0)
            {
                await media.FetchMissingAsync(retry, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The articles are stored; their images wait for the next poll or `bot media retry`.
            logger.LogError(e, "Source {SourceId}: could not archive images", source.Id);
        }
    }

    private PollState Succeeded(Source source, string status, string? etag, DateTimeOffset? lastModified, TimeSpan? ttl, IReadOnlySet<int>? skipHours)
    {
        var now = time.GetUtcNow();
        var wait = ttl is { } hinted && hinted > source.Every ? hinted : source.Every;
        var next = now + wait;
        if (skipHours is { Count: > 0 and < 24 })
        {
            while (skipHours.Contains(next.UtcDateTime.Hour))
            {
                next = new DateTimeOffset(next.UtcDateTime.Date.AddHours(next.UtcDateTime.Hour + 1), TimeSpan.Zero);
            }
        }

        return new PollState(now, status, null, 0, false, BacklogTaken: true, etag, lastModified, next);
    }

    private async Task<SourcePollResult> FailAsync(Source source, string? error, TimeSpan? retryAfter, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failures = source.Failures + 1;
        var pause = source.Paused || failures >= options.Value.DisableAfterFailures;
        var exponent = Math.Min(failures - 1, 16);
        var backoff = TimeSpan.FromSeconds(Math.Min(options.Value.MaxBackoffSeconds, source.Every.TotalSeconds * Math.Pow(2, exponent)));
        if (retryAfter is { } asked && asked > backoff)
        {
            backoff = asked > TimeSpan.FromDays(7) ? TimeSpan.FromDays(7) : asked;
        }

        var message = error ?? "unknown error";
        await store.SavePollAsync(source.Id, new PollState(now, "failed", message, failures, pause, source.BacklogTaken, source.ETag, source.LastModified, now + backoff), ct);
        logger.LogWarning("Source {SourceId} failed ({Failures} in a row): {Error}", source.Id, failures, message);
        if (pause && !source.Paused)
        {
            // Only when it becomes paused: a paused source is not polled again until resumed, and a poll
            // of one asked for by hand does not tell the admins a second time.
            await notifier.NotifyAsync(new AdminNotice.SourcePaused(source.Id, source.Url, failures, message), ct);
        }

        return new SourcePollResult(source.Id, source.Url, 0, 0, 0, 1, pause ? "paused" : "failed", message);
    }
}
