using Bot.Core.Archive;
using Bot.Core.Articles;
using Microsoft.Extensions.Options;

namespace Bot.Web.Feeds;

/// <summary>The newest published articles for a feed, all of them or of one tag.</summary>
public sealed class FeedSource(IArchiveBrowser browser, IArticleStore articles, IOptions<WebArchiveOptions> options)
{
    /// <returns>Null when the tag has no published article (the feed is a 404).</returns>
    public async Task<IReadOnlyList<Article>?> NewestAsync(string? tag, CancellationToken ct)
    {
        var size = options.Value.FeedSize;
        var page = tag is null ? await browser.NewestAsync(0, size, ct) : await browser.TaggedAsync(tag, 0, size, ct);
        if (tag is not null && page.Total == 0)
        {
            return null;
        }

        var list = new List<Article>(page.Entries.Count);
        foreach (var entry in page.Entries)
        {
            if (await articles.GetAsync(entry.Id, ct) is { State: ArticleState.Published } article)
            {
                list.Add(article);
            }
        }

        return list;
    }
}
