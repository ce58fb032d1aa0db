using System.Globalization;

namespace Bot.Web.Pages;

public enum FeedKind
{
    Atom,
    Json,
}

/// <summary>
/// Where each page of the archive lives. The live site uses root-relative paths under its path base;
/// the static export uses file paths relative to the page being written, so a copy works from any host
/// or folder. Pages never build a link themselves.
/// </summary>
public abstract class SiteLinks
{
    public abstract bool IsStatic { get; }

    public abstract string Home(int page = 1);

    public abstract string Article(long id);

    public abstract string Tags();

    public abstract string Tag(string tag, int page = 1);

    public abstract string TagFeed(string tag, FeedKind kind);

    public abstract string Archive();

    public abstract string Month(int year, int month, int page = 1);

    /// <summary>The search page; in a static copy, the live site's when Web:PublicUrl is known, else null.</summary>
    public abstract string? Search(string? query = null, int page = 1);

    public abstract string Feed(FeedKind kind);

    public abstract string Style();

    public abstract string Icon();

    public abstract string Media(string sha256);

    protected static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    protected static string Month2(int month) => month.ToString("D2", CultureInfo.InvariantCulture);
}

/// <summary>Links of the live site: "/articles/42", "/tags/朝鲜?page=2"…, under the request's path base.</summary>
public sealed class LiveLinks(string pathBase) : SiteLinks
{
    private readonly string _base = pathBase.TrimEnd('/');

    public override bool IsStatic => false;

    public override string Home(int page = 1) => _base + "/" + Paged(page, first: true);

    public override string Article(long id) => $"{_base}/articles/{Number(id)}";

    public override string Tags() => _base + "/tags";

    public override string Tag(string tag, int page = 1) => $"{_base}/tags/{Uri.EscapeDataString(tag)}{Paged(page, first: true)}";

    public override string TagFeed(string tag, FeedKind kind) => $"{_base}/tags/{Uri.EscapeDataString(tag)}/{FeedFile(kind)}";

    public override string Archive() => _base + "/archive";

    public override string Month(int year, int month, int page = 1) => $"{_base}/archive/{year:D4}/{Month2(month)}{Paged(page, first: true)}";

    public override string Search(string? query = null, int page = 1) =>
        _base + "/search" + (query is null ? string.Empty : "?q=" + Uri.EscapeDataString(query) + (page > 1 ? "&page=" + Number(page) : string.Empty));

    public override string Feed(FeedKind kind) => _base + "/" + FeedFile(kind);

    public override string Style() => _base + "/site.css?v=" + SiteStyle.Version;

    public override string Icon() => _base + "/favicon.svg";

    public override string Media(string sha256) => _base + "/media/" + sha256;

    public static string FeedFile(FeedKind kind) => kind == FeedKind.Atom ? "feed.atom" : "feed.json";

    private static string Paged(int page, bool first) => page > 1 ? "?page=" + Number(page) : string.Empty;
}

/// <summary>
/// Links of the static copy, relative to the page being written (<paramref name="depth"/> folders below
/// the root). Every target is a file: articles/42.html, tags/朝鲜.html, archive/2024-06.html…
/// </summary>
public sealed class StaticLinks(int depth, Uri? liveSite) : SiteLinks
{
    private readonly string _up = string.Concat(Enumerable.Repeat("../", depth));

    public override bool IsStatic => true;

    public override string Home(int page = 1) => _up + HomeFile(page);

    public override string Article(long id) => _up + ArticleFile(id);

    public override string Tags() => _up + "tags/index.html";

    public override string Tag(string tag, int page = 1) => _up + EscapePath(TagFile(tag, page));

    public override string TagFeed(string tag, FeedKind kind) => _up + EscapePath(TagFeedFile(tag, kind));

    public override string Archive() => _up + "archive/index.html";

    public override string Month(int year, int month, int page = 1) => _up + MonthFile(year, month, page);

    public override string? Search(string? query = null, int page = 1) =>
        liveSite is null ? null : new Uri(liveSite, "search" + (query is null ? string.Empty : "?q=" + Uri.EscapeDataString(query))).AbsoluteUri;

    public override string Feed(FeedKind kind) => _up + LiveLinks.FeedFile(kind);

    public override string Style() => _up + "site.css";

    public override string Icon() => _up + "favicon.svg";

    public override string Media(string sha256) => _up + "media/" + sha256;

    public static string HomeFile(int page) => page > 1 ? $"page/{Number(page)}.html" : "index.html";

    public static string ArticleFile(long id) => $"articles/{Number(id)}.html";

    public static string TagFile(string tag, int page) => $"tags/{TagSlugs.FileName(tag)}{(page > 1 ? ".p" + Number(page) : string.Empty)}.html";

    public static string TagFeedFile(string tag, FeedKind kind) => $"tags/{TagSlugs.FileName(tag)}.{(kind == FeedKind.Atom ? "atom" : "json")}";

    public static string MonthFile(int year, int month, int page) => $"archive/{year:D4}-{Month2(month)}{(page > 1 ? ".p" + Number(page) : string.Empty)}.html";

    /// <summary>Percent-escapes each segment, so a tag file with CJK or spaces is one valid relative URL.</summary>
    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
