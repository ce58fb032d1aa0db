using Bot.Core.Articles;
using Bot.Core.Importing;
using Bot.Core.Media;
using Bot.Core.Sources.Pages;

namespace Bot.Core.Sources;

/// <summary>
/// Web pages into the archive (`bot import URL`, /post URL): fetched through the safe client, extracted,
/// and keyed by their URL (as source_file) so importing the same page again updates it in place. Their
/// images are archived as a file import's are.
/// </summary>
public sealed class PageImporter(PageFetcher pages, IArticleStore articles, MediaArchiver? media = null)
{
    public static bool IsUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page as an article, not stored yet; or why not.</summary>
    public async Task<(ParsedArticle? Article, string? Error)> ReadAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, $"{url} is not an http or https URL");
        }

        var (page, finalUrl, error) = await pages.FetchAsync(uri, ct);
        if (page is null)
        {
            return (null, error ?? "no article found in the page");
        }

        var article = SourceArticles.FromPage(page, finalUrl, []);
        return (article with { SourceFile = uri.AbsoluteUri }, null);
    }

    /// <summary>Imports pages as published articles (never pushed), like files: a failure stays with its URL.</summary>
    public async Task<ImportSummary> ImportAsync(IReadOnlyList<string> urls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(urls);
        int imported = 0, updated = 0, unchanged = 0;
        var images = MediaArchiveSummary.None;
        var failed = new List<ImportFailure>();
        foreach (var url in urls)
        {
            var (article, error) = await ReadAsync(url, ct);
            if (article is null)
            {
                failed.Add(new ImportFailure(url, error!));
                continue;
            }

            try
            {
                var outcome = await articles.ImportAsync(article, ct);
                _ = outcome.Status switch
                {
                    ImportStatus.Imported => imported++,
                    ImportStatus.Updated => updated++,
                    _ => unchanged++,
                };
                if (outcome.Status != ImportStatus.Unchanged)
                {
                    images += await ArchiveImagesAsync(outcome.ArticleId, article, ct);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add(new ImportFailure(url, $"database refused the article: {e.Message}"));
            }
        }

        return new ImportSummary(imported, updated, unchanged, failed) { ImagesStored = images.Stored, ImagesFailed = images.Failed };
    }

    private async Task<MediaArchiveSummary> ArchiveImagesAsync(long articleId, ParsedArticle article, CancellationToken ct) =>
        media is null ? MediaArchiveSummary.None : await media.ArchiveOrDeferAsync([new MediaSource(articleId, article.Body, article.SourceUrl)], fetch: true, ct);
}
