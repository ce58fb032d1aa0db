using System.Text.RegularExpressions;
using Bot.Core.Links;
using Bot.Web.Feeds;
using Bot.Web.Localization;
using Bot.Web.Media;
using Bot.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Web.Endpoints;

/// <summary>The web archive's routes. Every handler reads raw strings and lets <see cref="ArchivePages"/> judge them, so bad input is a 400/404 page.</summary>
public static partial class WebArchiveEndpoints
{
    private static readonly string[] Read = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapWebArchive(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/", Read, (HttpContext http, ArchivePages pages, CancellationToken ct) =>
            PageAsync(http, c => pages.HomeAsync(c, Query(http, "page"), ct)));
        app.MapMethods("/articles/{id}", Read, (string id, HttpContext http, ArchivePages pages, CancellationToken ct) =>
            PageAsync(http, c => pages.ArticleAsync(c, id, ct)));
        app.MapMethods("/tags", Read, (HttpContext http, ArchivePages pages, CancellationToken ct) =>
            PageAsync(http, c => pages.TagsAsync(c, ct)));
        app.MapMethods("/tags/{tag}", Read, (string tag, HttpContext http, ArchivePages pages, CancellationToken ct) =>
            PageAsync(http, c => pages.TagAsync(c, RouteTag(tag), Query(http, "page"), ct)));
        app.MapMethods("/tags/{tag}/feed.atom", Read, (string tag, HttpContext http, CancellationToken ct) =>
            FeedAsync(http, RouteTag(tag), FeedKind.Atom, ct));
        app.MapMethods("/tags/{tag}/feed.json", Read, (string tag, HttpContext http, CancellationToken ct) =>
            FeedAsync(http, RouteTag(tag), FeedKind.Json, ct));
        app.MapMethods("/archive", Read, (HttpContext http, ArchivePages pages, CancellationToken ct) =>
            PageAsync(http, c => pages.ArchiveAsync(c, ct)));
        app.MapMethods("/archive/{year}/{month}", Read, (string year, string month, HttpContext http, ArchivePages pages, CancellationToken ct) =>
            PageAsync(http, c => pages.MonthAsync(c, year, month, Query(http, "page"), ct)));
        app.MapMethods("/search", Read, (HttpContext http, ArchivePages pages, CancellationToken ct) =>
            PageAsync(http, c => pages.SearchAsync(c, Query(http, "q"), Query(http, "page"), ct)));
        app.MapMethods("/feed.atom", Read, (HttpContext http, CancellationToken ct) => FeedAsync(http, null, FeedKind.Atom, ct));
        app.MapMethods("/feed.json", Read, (HttpContext http, CancellationToken ct) => FeedAsync(http, null, FeedKind.Json, ct));
        app.MapMethods("/sitemap.xml", Read, (HttpContext http, CancellationToken ct) => SitemapAsync(http, null, ct));
        app.MapMethods("/sitemap-{part}.xml", Read, (string part, HttpContext http, CancellationToken ct) => SitemapAsync(http, part, ct));
        app.MapMethods("/site.css", Read, () => new ArchiveResponse(200, "text/css; charset=utf-8", SiteStyle.Css, ArchiveResponse.AssetCache));
        app.MapMethods("/favicon.svg", Read, () => new ArchiveResponse(200, "image/svg+xml", SiteStyle.Icon, ArchiveResponse.AssetCache));
        app.MapMethods("/media/{sha256}", Read, MediaAsync);
        app.MapFallback((Delegate)((HttpContext http) => Page(http, ArchivePages.NotFound(Context(http)))));
        return app;
    }

    /// <summary>The page context of a request: its language, links under its path base, and the public base for absolute links.</summary>
    public static PageContext Context(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<WebArchiveOptions>>().Value;
        var links = services.GetRequiredService<ArticleLinks>();
        var language = AcceptLanguage.Pick(http.Request.Headers.AcceptLanguage.ToString(), AcceptLanguage.Parse(options.DefaultLanguage));
        return new PageContext(new LiveLinks(http.Request.PathBase), WebText.For(language), options.Title, links.Backups, PublicBase(http));
    }

    /// <summary>Web:PublicUrl when set; otherwise the address the request came to.</summary>
    public static Uri PublicBase(HttpContext http) =>
        http.RequestServices.GetRequiredService<ArticleLinks>().PublicBase
        ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");

    private static async Task<IResult> PageAsync(HttpContext http, Func<PageContext, Task<PageResponse>> render)
    {
        var context = Context(http);
        return Page(http, await render(context), context);
    }

    private static ArchiveResponse Page(HttpContext http, PageResponse page, PageContext? context = null) =>
        new(page.Status, "text/html; charset=utf-8", page.Html, page.Status == 200 ? ArchiveResponse.PageCache : ArchiveResponse.ErrorCache, (context ?? Context(http)).Text.Code);

    private static async Task<IResult> FeedAsync(HttpContext http, string? tag, FeedKind kind, CancellationToken ct)
    {
        var context = Context(http);
        var services = http.RequestServices;
        if (tag is not null && tag.Trim().Length is 0 or > 200)
        {
            return Page(http, ArchivePages.NotFound(context), context);
        }

        var articles = await services.GetRequiredService<FeedSource>().NewestAsync(tag?.Trim(), ct);
        if (articles is null)
        {
            return Page(http, ArchivePages.NotFound(context), context);
        }

        var info = FeedInfoFor(http, context, tag?.Trim(), kind);
        var body = kind == FeedKind.Atom
            ? services.GetRequiredService<AtomFeed>().Write(info, articles, context.Text)
            : services.GetRequiredService<JsonFeed>().Write(info, articles, context.Text);
        return new ArchiveResponse(200, kind == FeedKind.Atom ? AtomFeed.ContentType : JsonFeed.ContentType, body, ArchiveResponse.PageCache);
    }

    private static FeedInfo FeedInfoFor(HttpContext http, PageContext context, string? tag, FeedKind kind)
    {
        var baseUrl = PublicBase(http);
        var options = http.RequestServices.GetRequiredService<IOptions<WebArchiveOptions>>().Value;
        var home = tag is null ? baseUrl.AbsoluteUri : new Uri(baseUrl, "tags/" + Uri.EscapeDataString(tag)).AbsoluteUri;
        var self = tag is null
            ? new Uri(baseUrl, LiveLinks.FeedFile(kind)).AbsoluteUri
            : new Uri(baseUrl, "tags/" + Uri.EscapeDataString(tag) + "/" + LiveLinks.FeedFile(kind)).AbsoluteUri;
        var title = tag is null ? options.Title : options.Title + " · #" + tag;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return new FeedInfo(title, baseUrl, self, home, AcceptLanguage.Code(AcceptLanguage.Parse(options.DefaultLanguage)), now);
    }

    private static async Task<IResult> SitemapAsync(HttpContext http, string? part, CancellationToken ct)
    {
        var sitemap = http.RequestServices.GetRequiredService<Sitemap>();
        var urls = await sitemap.UrlsAsync(ct);
        var files = Sitemap.Files(urls.Count);
        var baseUrl = PublicBase(http);
        if (part is null)
        {
            var body = files <= 1 ? Sitemap.UrlSet(baseUrl, urls) : Sitemap.Index(baseUrl, files);
            return new ArchiveResponse(200, Sitemap.ContentType, body, ArchiveResponse.PageCache);
        }

        return ArchivePages.TryPage(part, out var n) && files > 1 && n <= files
            ? new ArchiveResponse(200, Sitemap.ContentType, Sitemap.UrlSet(baseUrl, urls, n), ArchiveResponse.PageCache)
            : Page(http, ArchivePages.NotFound(Context(http)));
    }

    private static async Task<IResult> MediaAsync(string sha256, HttpContext http, IMediaFiles media, CancellationToken ct)
    {
        if (!Sha256().IsMatch(sha256) || await media.OpenAsync(sha256.ToLowerInvariant(), ct) is not { } file)
        {
            return Page(http, ArchivePages.NotFound(Context(http)));
        }

        // A hash names its content forever: cache for a year; a sandbox CSP keeps an SVG from running anything.
        http.Response.Headers.CacheControl = ArchiveResponse.AssetCache;
        http.Response.Headers.ETag = "\"" + sha256.ToLowerInvariant() + "\"";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        if (http.Request.Headers.IfNoneMatch.ToString().Contains(sha256.ToLowerInvariant(), StringComparison.Ordinal))
        {
            await file.Content.DisposeAsync();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Stream(file.Content, file.ContentType);
    }

    private static string? Query(HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Routing leaves an escaped slash escaped inside a segment; a tag may contain one.</summary>
    private static string RouteTag(string tag) => tag.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();
}
