using System.Globalization;
using System.Text;
using Bot.Core.Archive;
using Bot.Core.Articles;
using Bot.Core.Search;
using Bot.Web.Rendering;
using Microsoft.Extensions.Options;
using static Bot.Web.Html.Html;

namespace Bot.Web.Pages;

/// <summary>
/// Every page of the archive, from its raw request values to HTML and a status. The live site and the
/// static export both call it; only the <see cref="PageContext"/> (links, language) differs. Bad input
/// (a non-numeric id, page 0, an unknown tag) is a 400 or 404 page, never an exception.
/// </summary>
public sealed class ArchivePages(IArchiveBrowser browser, IArticleStore articles, ISearchService search, ArticleHtml articleHtml, IOptions<WebArchiveOptions> options)
{
    /// <summary>Longer queries are refused before they reach the search service, with a 400.</summary>
    public const int MaxQueryLength = 500;

    private const int SearchPageSize = 10;

    private int PageSize => options.Value.PageSize;

    public async Task<PageResponse> HomeAsync(PageContext context, string? pageText, CancellationToken ct)
    {
        if (!TryPage(pageText, out var page))
        {
            return BadRequest(context, context.Text.BadPage);
        }

        var list = await browser.NewestAsync((page - 1) * PageSize, PageSize, ct);
        if (page > 1 && list.Entries.Count == 0)
        {
            return NotFound(context);
        }

        var html = new StringBuilder();
        html.Append("<h1>").Append(Encode(context.Text.Newest)).Append("</h1>\n");
        PageParts.Entries(html, context, list.Entries);
        PageParts.Pager(html, context, page, list.Total, PageSize, n => context.Links.Home(n));
        return Ok(Layout.Page(context, context.SiteTitle, html.ToString(), new PageMeta(CanonicalPath: page == 1 ? "/" : null)));
    }

    public async Task<PageResponse> ArticleAsync(PageContext context, string? idText, CancellationToken ct)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return BadRequest(context, context.Text.BadId);
        }

        var article = await articles.GetAsync(id, ct);
        return article is { State: ArticleState.Published } ? Ok(Article(context, article)) : NotFound(context);
    }

    public string Article(PageContext context, Article article)
    {
        var title = PageParts.TitleOf(article.Title, article.Id);
        var html = new StringBuilder();
        html.Append("<article lang=\"").Append(Encode(LanguageOf(article))).Append("\">\n<h1>").Append(Encode(title)).Append("</h1>\n");
        PageParts.Meta(html, context, article.Published ?? article.PublishedAt, article.Author);
        PageParts.Tags(html, context, article.Tags);
        html.Append("<div class=\"body\">\n").Append(LocalMedia(context, articleHtml.Body(article, context.Text))).Append("</div>\n");
        if (IsWebUrl(article.SourceUrl))
        {
            html.Append("<p class=\"meta\">").Append(Encode(context.Text.Source)).Append(": <a href=\"").Append(Encode(article.SourceUrl)).Append("\" rel=\"nofollow noopener noreferrer\">")
                .Append(Encode(article.SourceUrl)).Append("</a></p>\n");
        }

        html.Append("</article>\n");

        var path = "/articles/" + article.Id.ToString(CultureInfo.InvariantCulture);
        var description = Description(article);
        var og = new List<(string, string)>
        {
            ("og:type", "article"),
            ("og:title", title),
            ("og:site_name", context.SiteTitle),
            ("og:locale", LanguageOf(article).StartsWith("zh", StringComparison.Ordinal) ? "zh_CN" : "en_US"),
        };
        if (description.Length > 0)
        {
            og.Add(("og:description", description));
        }

        if (context.Absolute(path) is { } url)
        {
            og.Add(("og:url", url));
        }

        if ((article.Published ?? article.PublishedAt) is { } published)
        {
            og.Add(("article:published_time", published.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrWhiteSpace(article.Author))
        {
            og.Add(("article:author", article.Author.Trim()));
        }

        og.AddRange(article.Tags.Select(tag => ("article:tag", tag)));
        if (article.LeadImage?.Stored is { } lead && context.Absolute(ArticleHtml.MediaPrefix + lead.Sha256) is { } image)
        {
            og.Add(("og:image", image));
            og.Add(("og:image:width", lead.Width.ToString(CultureInfo.InvariantCulture)));
            og.Add(("og:image:height", lead.Height.ToString(CultureInfo.InvariantCulture)));
        }
        return Layout.Page(context, title, html.ToString(), new PageMeta(description, path, og));
    }

    public async Task<PageResponse> TagAsync(PageContext context, string? tag, string? pageText, CancellationToken ct)
    {
        if (!TryPage(pageText, out var page))
        {
            return BadRequest(context, context.Text.BadPage);
        }

        tag = tag?.Trim() ?? string.Empty;
        if (tag.Length is 0 or > 200)
        {
            return NotFound(context);
        }

        var list = await browser.TaggedAsync(tag, (page - 1) * PageSize, PageSize, ct);
        if (list.Total == 0 || list.Entries.Count == 0)
        {
            return NotFound(context);
        }

        var shown = list.Entries.SelectMany(e => e.Tags).FirstOrDefault(t => string.Equals(t.Trim(), tag, StringComparison.OrdinalIgnoreCase)) ?? tag;
        return Ok(TagPage(context, shown, list, page));
    }

    public string TagPage(PageContext context, string tag, ArchivePage list, int page)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(Encode(context.Text.Tagged(tag))).Append("</h1>\n<p class=\"meta\">").Append(Encode(context.Text.ArticleCount(list.Total)));
        if (context.HasFeeds)
        {
            html.Append(" · <a href=\"").Append(Encode(context.Links.TagFeed(tag, FeedKind.Atom))).Append("\">Atom</a> · <a href=\"")
                .Append(Encode(context.Links.TagFeed(tag, FeedKind.Json))).Append("\">JSON Feed</a>");
        }

        html.Append("</p>\n");
        PageParts.Entries(html, context, list.Entries);
        PageParts.Pager(html, context, page, list.Total, PageSize, n => context.Links.Tag(tag, n));
        return Layout.Page(context, context.Text.Tagged(tag), html.ToString());
    }

    public async Task<PageResponse> TagsAsync(PageContext context, CancellationToken ct) =>
        Ok(TagsPage(context, await browser.TagsAsync(ct)));

    public static string TagsPage(PageContext context, IReadOnlyList<ArchiveTag> tags)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(Encode(context.Text.Tags)).Append("</h1>\n");
        if (tags.Count == 0)
        {
            html.Append("<p>").Append(Encode(context.Text.NoArticles)).Append("</p>\n");
        }
        else
        {
            html.Append("<ul class=\"tags\">\n");
            foreach (var tag in tags)
            {
                html.Append("<li><a href=\"").Append(Encode(context.Links.Tag(tag.Tag))).Append("\">#").Append(Encode(tag.Tag)).Append("</a> <span class=\"meta\">")
                    .Append(tag.Count.ToString(CultureInfo.InvariantCulture)).Append("</span></li>\n");
            }

            html.Append("</ul>\n");
        }

        return Layout.Page(context, context.Text.Tags, html.ToString());
    }

    public async Task<PageResponse> ArchiveAsync(PageContext context, CancellationToken ct) =>
        Ok(ArchiveIndexPage(context, await browser.MonthsAsync(ct)));

    public static string ArchiveIndexPage(PageContext context, IReadOnlyList<ArchiveMonth> months)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(Encode(context.Text.Archive)).Append("</h1>\n");
        if (months.Count == 0)
        {
            html.Append("<p>").Append(Encode(context.Text.NoArticles)).Append("</p>\n");
        }

        foreach (var year in months.GroupBy(m => m.Year))
        {
            html.Append("<h2>").Append(year.Key.ToString(CultureInfo.InvariantCulture)).Append("</h2>\n<ul class=\"tags\">\n");
            foreach (var month in year)
            {
                html.Append("<li><a href=\"").Append(Encode(context.Links.Month(month.Year, month.Month))).Append("\">").Append(Encode(context.Text.Month(month.Year, month.Month)))
                    .Append("</a> <span class=\"meta\">").Append(month.Count.ToString(CultureInfo.InvariantCulture)).Append("</span></li>\n");
            }

            html.Append("</ul>\n");
        }

        return Layout.Page(context, context.Text.Archive, html.ToString());
    }

    public async Task<PageResponse> MonthAsync(PageContext context, string? yearText, string? monthText, string? pageText, CancellationToken ct)
    {
        if (!TryPage(pageText, out var page))
        {
            return BadRequest(context, context.Text.BadPage);
        }

        if (yearText?.Length != 4 || monthText?.Length != 2
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year < 1 || month is < 1 or > 12)
        {
            return NotFound(context);
        }

        var list = await browser.MonthAsync(year, month, (page - 1) * PageSize, PageSize, ct);
        return list.Entries.Count == 0 ? NotFound(context) : Ok(MonthPage(context, year, month, list, page));
    }

    public string MonthPage(PageContext context, int year, int month, ArchivePage list, int page)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(Encode(context.Text.Month(year, month))).Append("</h1>\n<p class=\"meta\">").Append(Encode(context.Text.ArticleCount(list.Total))).Append("</p>\n");
        PageParts.Entries(html, context, list.Entries);
        PageParts.Pager(html, context, page, list.Total, PageSize, n => context.Links.Month(year, month, n));
        return Layout.Page(context, context.Text.Month(year, month), html.ToString());
    }

    public async Task<PageResponse> SearchAsync(PageContext context, string? query, string? pageText, CancellationToken ct)
    {
        if (!TryPage(pageText, out var page) || page > 1000)
        {
            return BadRequest(context, context.Text.BadPage);
        }

        query ??= string.Empty;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Encode(context.Text.Search)).Append("</h1>\n");
        if (query.Length > MaxQueryLength)
        {
            html.Append("<p class=\"notice\">").Append(Encode(context.Text.SearchError(SearchError.TooLong, $"≤ {MaxQueryLength}"))).Append("</p>\n");
            return new PageResponse(400, Layout.Page(context, context.Text.Search, html.ToString(), new PageMeta(NoIndex: true), query[..MaxQueryLength]));
        }

        if (query.Trim().Length == 0)
        {
            html.Append("<p>").Append(Encode(context.Text.SearchSyntax)).Append("</p>\n");
            return Ok(Layout.Page(context, context.Text.Search, html.ToString(), new PageMeta(NoIndex: true), query));
        }

        var result = await search.SearchAsync(new SearchRequest(query, SearchPageSize, (page - 1) * SearchPageSize), ct);
        if (result.ErrorCode is { } error)
        {
            html.Append("<p class=\"notice\">").Append(Encode(context.Text.SearchError(error, result.Problem is { Limit: > 0 } problem ? $"≤ {problem.Limit}" : null))).Append("</p>\n<p class=\"meta\">").Append(Encode(context.Text.SearchSyntax)).Append("</p>\n");
            return new PageResponse(400, Layout.Page(context, context.Text.Search, html.ToString(), new PageMeta(NoIndex: true), query));
        }

        var from = (page - 1) * SearchPageSize;
        if (result.Hits.Count == 0)
        {
            html.Append("<p>").Append(Encode(context.Text.NoResults)).Append("</p>\n");
            return new PageResponse(page > 1 && result.Total > 0 ? 404 : 200, Layout.Page(context, query + " · " + context.Text.Search, html.ToString(), new PageMeta(NoIndex: true), query));
        }

        html.Append("<p class=\"meta\">").Append(Encode(context.Text.Results(result.Total, from + 1, from + result.Hits.Count))).Append("</p>\n<ol class=\"entries\">\n");
        foreach (var hit in result.Hits)
        {
            html.Append("<li><h2><a href=\"").Append(Encode(context.Links.Article(hit.ArticleId))).Append("\">").Append(Encode(PageParts.TitleOf(hit.Title, hit.ArticleId))).Append("</a></h2>\n");
            PageParts.Meta(html, context, hit.Published, null);
            html.Append("<p class=\"lead\">").Append(PageParts.Highlighted(hit.Snippet, hit.Highlights)).Append("</p></li>\n");
        }

        html.Append("</ol>\n");
        PageParts.Pager(html, context, page, result.Total, SearchPageSize, n => context.Links.Search(query, n));
        return Ok(Layout.Page(context, query + " · " + context.Text.Search, html.ToString(), new PageMeta(NoIndex: true), query));
    }

    public static PageResponse NotFound(PageContext context) =>
        Error(context, 404, context.Text.NotFoundTitle, context.Text.NotFound);

    public static PageResponse BadRequest(PageContext context, string message) =>
        Error(context, 400, context.Text.BadRequestTitle, message);

    public static PageResponse Error(PageContext context, int status, string title, string message)
    {
        var html = "<h1>" + Encode(title) + "</h1>\n<p>" + Encode(message) + "</p>\n<p><a href=\"" + Encode(context.Links.Home()) + "\">" + Encode(context.Text.Home) + "</a></p>\n";
        return new PageResponse(status, Layout.Page(context, title, html, new PageMeta(NoIndex: true)));
    }

    internal static bool TryPage(string? text, out int page)
    {
        page = 1;
        return string.IsNullOrEmpty(text)
            || (text.Length <= 6 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1);
    }

    /// <summary>Stored images are root-relative in the cached HTML; a static copy or a path base needs them where the page is.</summary>
    private static string LocalMedia(PageContext context, string html)
    {
        var prefix = context.Links.Media(string.Empty);
        return prefix == ArticleHtml.MediaPrefix ? html : html.Replace("=\"" + ArticleHtml.MediaPrefix, "=\"" + prefix, StringComparison.Ordinal);
    }

    private static PageResponse Ok(string html) => new(200, html);

    private static string LanguageOf(Article article) => article.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : article.Language.Length is > 0 and <= 12 ? article.Language : "und";

    private static string Description(Article article)
    {
        var text = !string.IsNullOrWhiteSpace(article.Summary) ? article.Summary : article.PlainText;
        var line = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= 200)
        {
            return line;
        }

        return line[..(char.IsHighSurrogate(line[199]) ? 199 : 200)] + "…";
    }

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
