using Bot.Core.Articles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Media;

/// <summary>The Markdown (or HTML) an article's images are read from, and the address relative URLs are resolved against.</summary>
public sealed record MediaSource(long ArticleId, string Body, string? BaseUrl)
{
    public static MediaSource Of(Article article) => new(article.Id, article.Body, article.SourceUrl);
}

/// <summary>What one archiving run did: images stored now, images that failed (their reasons are recorded per reference).</summary>
public sealed record MediaArchiveSummary(int Stored, int Failed)
{
    public static MediaArchiveSummary None { get; } = new(0, 0);

    public static MediaArchiveSummary operator +(MediaArchiveSummary a, MediaArchiveSummary b) => new(a.Stored + b.Stored, a.Failed + b.Failed);
}

/// <summary>
/// Archives the images articles reference: records the references in the article's order, fetches each
/// URL not stored yet once (a few at a time, through <see cref="IMediaFetcher"/>), checks that the bytes
/// are an image and stores them by content. A failed image never fails its article: the reference keeps
/// its reason and stays a link until a retry stores it.
/// </summary>
public sealed class MediaArchiver(
    IMediaCatalog catalog,
    MediaFiles files,
    IMediaFetcher fetcher,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<MediaArchiver> logger)
{
    private readonly MediaOptions _options = options.Value;

    /// <summary>Records the images of these articles and fetches the missing ones.</summary>
    public Task<MediaArchiveSummary> ArchiveAsync(IReadOnlyList<MediaSource> articles, CancellationToken ct) => ArchiveAsync(articles, fetch: true, ct);

    /// <summary>
    /// Records the images of these articles (Markdown bodies, inline HTML included) and, unless
    /// <paramref name="fetch"/> is false, fetches the missing ones; unfetched images wait for `bot media retry`.
    /// </summary>
    public async Task<MediaArchiveSummary> ArchiveAsync(IReadOnlyList<MediaSource> articles, bool fetch, CancellationToken ct)
    {
        foreach (var article in articles)
        {
            await catalog.SetReferencesAsync(article.ArticleId, ImageReferences.FromMarkdown(article.Body, article.BaseUrl, _options.MaxPerArticle), ct);
        }

        return fetch ? await FetchMissingAsync([.. articles.Select(a => a.ArticleId)], ct) : MediaArchiveSummary.None;
    }

    /// <summary>
    /// <see cref="ArchiveAsync(IReadOnlyList{MediaSource}, bool, CancellationToken)"/> for callers whose articles
    /// are stored already (imports, rescued pages): a failure of the archive itself (its disk, its database) is
    /// logged and counted as every article's images not stored, never thrown; they wait for `bot media retry`.
    /// </summary>
    public async Task<MediaArchiveSummary> ArchiveOrDeferAsync(IReadOnlyList<MediaSource> articles, bool fetch, CancellationToken ct)
    {
        if (articles.Count == 0)
        {
            return MediaArchiveSummary.None;
        }

        try
        {
            return await ArchiveAsync(articles, fetch, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not archive the images of {Count} articles", articles.Count);
            return new MediaArchiveSummary(0, articles.Count);
        }
    }

    /// <summary>Records images found in an HTML document (a feed item's content, a rescued page) for one article and fetches them.</summary>
    public async Task<MediaArchiveSummary> ArchiveHtmlAsync(long articleId, string html, string? baseUrl, CancellationToken ct)
    {
        await catalog.SetReferencesAsync(articleId, ImageReferences.FromHtml(html, baseUrl, _options.MaxPerArticle), ct);
        return await FetchMissingAsync([articleId], ct);
    }

    /// <summary>Tries again every image not stored yet (`bot media retry`, later polls).</summary>
    public Task<MediaArchiveSummary> RetryAsync(CancellationToken ct) => FetchMissingAsync(null, ct);

    /// <summary>Fetches the images still missing for these articles (all articles when null), each URL once.</summary>
    public async Task<MediaArchiveSummary> FetchMissingAsync(IReadOnlyCollection<long>? articleIds, CancellationToken ct)
    {
        if (articleIds is { Count: 0 })
        {
            return MediaArchiveSummary.None;
        }

        var urls = (await catalog.MissingAsync(articleIds, ct)).Select(m => m.Url).Distinct(StringComparer.Ordinal).ToList();
        if (urls.Count == 0)
        {
            return MediaArchiveSummary.None;
        }

        var stored = 0;
        var failed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(urls, parallel, async (url, c) =>
        {
            if (await ArchiveUrlAsync(url, c))
            {
                Interlocked.Increment(ref stored);
            }
            else
            {
                Interlocked.Increment(ref failed);
            }
        });

        logger.LogInformation("Images stored {Stored}, not stored {Failed}", stored, failed);
        return new MediaArchiveSummary(stored, failed);
    }

    private async Task<bool> ArchiveUrlAsync(string url, CancellationToken ct)
    {
        var (image, reason) = await FetchImageAsync(url, ct);
        if (image is null)
        {
            logger.LogDebug("Image {Url} not stored: {Reason}", url, reason);
            await catalog.RecordFailedAsync(url, reason!, ct);
            return false;
        }

        await catalog.RecordStoredAsync(url, image, ct);
        return true;
    }

    private async Task<(StoredImage? Image, string? Reason)> FetchImageAsync(string url, CancellationToken ct)
    {
        MediaFetchResult result;
        try
        {
            result = await fetcher.FetchAsync(new Uri(url), _options.MaxBytes, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Only the type: a fetch exception's message may quote the URL's query or a header.
            return (null, $"fetch failed ({e.GetType().Name})");
        }

        if (result is MediaFetchResult.Failed failed)
        {
            return (null, failed.Reason);
        }

        var bytes = ((MediaFetchResult.Fetched)result).Bytes;
        if (bytes.Length > _options.MaxBytes)
        {
            return (null, $"larger than {_options.MaxBytes} bytes (Media:MaxBytes)");
        }

        if (ImageSniffer.Sniff(bytes) is not { } info)
        {
            return (null, bytes.Length == 0 ? "empty body" : "not a PNG, JPEG, GIF or WebP image");
        }

        var sha256 = await files.WriteAsync(bytes, ct);
        return (new StoredImage(sha256, bytes.Length, info.ContentType, info.Width, info.Height, time.GetUtcNow()), null);
    }
}
