using System.Text;
using Bot.Core.Archive;
using Bot.Core.Articles;
using Bot.Core.Links;
using Bot.Core.Localization;
using Bot.Web.Feeds;
using Bot.Web.Localization;
using Bot.Web.Media;
using Bot.Web.Pages;
using Microsoft.Extensions.Options;

namespace Bot.Web.Static;

/// <param name="Written">Files created or whose content changed.</param>
/// <param name="Unchanged">Files that already had exactly this content and were left alone.</param>
/// <param name="Removed">Files an earlier export wrote that no longer belong (a retracted article, a tag gone).</param>
public sealed record ExportSummary(int Written, int Unchanged, int Removed, bool HasFeeds);

/// <summary>
/// The whole archive as static files with relative links, for any static host (or several). A second run
/// compares each file's bytes and rewrites only what changed, and removes what the last run wrote but is
/// gone now (listed in a manifest, so files the publisher added by hand are never touched).
/// </summary>
public sealed class SiteExporter(
    IArchiveBrowser browser,
    IArticleStore articles,
    ArchivePages pages,
    FeedSource feeds,
    AtomFeed atom,
    JsonFeed json,
    Sitemap sitemap,
    IMediaFiles media,
    ArticleLinks links,
    TimeProvider time,
    IOptions<WebArchiveOptions> options)
{
    public const string ManifestName = ".export-manifest";

    /// <param name="publicBase">Where the site is published; feeds and the sitemap need absolute links and are left out without it.</param>
    public async Task<ExportSummary> ExportAsync(string folder, Uri? publicBase, Language language, CancellationToken ct)
    {
        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        var writer = new ExportWriter(root);
        var text = WebText.For(language);
        var pageSize = options.Value.PageSize;
        var hasFeeds = publicBase is not null;
        PageContext At(int depth) => new(new StaticLinks(depth, publicBase), text, options.Value.Title, links.Backups, publicBase, hasFeeds);

        await writer.WriteAsync("site.css", SiteStyle.Css, ct);
        await writer.WriteAsync("favicon.svg", SiteStyle.Icon, ct);
        await writer.WriteAsync("404.html", ArchivePages.NotFound(At(0)).Html, ct);

        // Home, paged.
        var all = (await browser.NewestAsync(0, int.MaxValue, ct)).Entries;
        foreach (var (page, number) in Pages(all, pageSize))
        {
            var file = StaticLinks.HomeFile(number);
            var context = At(Depth(file));
            var response = await pages.HomeAsync(context, number.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
            await writer.WriteAsync(file, response.Html, ct);
        }

        // Articles.
        foreach (var entry in all)
        {
            if (await articles.GetAsync(entry.Id, ct) is { State: ArticleState.Published } article)
            {
                var file = StaticLinks.ArticleFile(article.Id);
                await writer.WriteAsync(file, pages.Article(At(Depth(file)), article), ct);
            }
        }

        // Tags: the index, each tag's pages and feeds.
        var tags = await browser.TagsAsync(ct);
        await writer.WriteAsync("tags/index.html", ArchivePages.TagsPage(At(1), tags), ct);
        foreach (var tag in tags)
        {
            var tagged = await browser.TaggedAsync(tag.Tag, 0, int.MaxValue, ct);
            foreach (var (page, number) in Pages(tagged.Entries, pageSize))
            {
                var file = StaticLinks.TagFile(tag.Tag, number);
                await writer.WriteAsync(file, pages.TagPage(At(Depth(file)), tag.Tag, new ArchivePage(tagged.Total, page), number), ct);
            }

            if (publicBase is not null && await feeds.NewestAsync(tag.Tag, ct) is { } newest)
            {
                await writer.WriteAsync(StaticLinks.TagFeedFile(tag.Tag, FeedKind.Atom), atom.Write(Info(publicBase, tag.Tag, FeedKind.Atom, language, newest), newest, text), ct);
                await writer.WriteAsync(StaticLinks.TagFeedFile(tag.Tag, FeedKind.Json), json.Write(Info(publicBase, tag.Tag, FeedKind.Json, language, newest), newest, text), ct);
            }
        }

        // Monthly archive.
        var months = await browser.MonthsAsync(ct);
        await writer.WriteAsync("archive/index.html", ArchivePages.ArchiveIndexPage(At(1), months), ct);
        foreach (var month in months)
        {
            var list = await browser.MonthAsync(month.Year, month.Month, 0, int.MaxValue, ct);
            foreach (var (page, number) in Pages(list.Entries, pageSize))
            {
                var file = StaticLinks.MonthFile(month.Year, month.Month, number);
                await writer.WriteAsync(file, pages.MonthPage(At(Depth(file)), month.Year, month.Month, new ArchivePage(list.Total, page), number), ct);
            }
        }

        // Feeds and sitemap, which need absolute addresses.
        if (publicBase is not null)
        {
            var newest = await feeds.NewestAsync(null, ct) ?? [];
            await writer.WriteAsync("feed.atom", atom.Write(Info(publicBase, null, FeedKind.Atom, language, newest), newest, text), ct);
            await writer.WriteAsync("feed.json", json.Write(Info(publicBase, null, FeedKind.Json, language, newest), newest, text), ct);
            var urls = (await sitemap.UrlsAsync(ct)).Select(u => u with { Path = StaticPath(u.Path) }).ToList();
            var files = Sitemap.Files(urls.Count);
            await writer.WriteAsync("sitemap.xml", files <= 1 ? Sitemap.UrlSet(publicBase, urls) : Sitemap.Index(publicBase, files), ct);
            for (var i = 1; files > 1 && i <= files; i++)
            {
                await writer.WriteAsync($"sitemap-{i}.xml", Sitemap.UrlSet(publicBase, urls, i), ct);
            }
        }

        await foreach (var hash in media.AllAsync(ct))
        {
            if (await media.OpenAsync(hash, ct) is { } file)
            {
                await using (file.Content)
                {
                    await writer.CopyAsync("media/" + hash, file.Content, ct);
                }
            }
        }

        var removed = await writer.FinishAsync(ct);
        return new ExportSummary(writer.Written, writer.Unchanged, removed, hasFeeds);
    }

    private FeedInfo Info(Uri publicBase, string? tag, FeedKind kind, Language language, IReadOnlyList<Article> newest)
    {
        var home = tag is null ? publicBase.AbsoluteUri : new Uri(publicBase, "tags/" + Uri.EscapeDataString(tag)).AbsoluteUri;
        var self = new Uri(publicBase, (tag is null ? string.Empty : "tags/" + Uri.EscapeDataString(tag) + "/") + LiveLinks.FeedFile(kind)).AbsoluteUri;

        // A feed's date comes from its newest entry, so an unchanged archive exports an unchanged file.
        var now = newest.Count > 0 ? newest.Max(FeedInfo.Updated) : time.GetUtcNow();
        return new FeedInfo(tag is null ? options.Value.Title : options.Value.Title + " · #" + tag, publicBase, self, home, AcceptLanguage.Code(language), now);
    }

    /// <summary>The live site's paths in the sitemap become the static files that serve them.</summary>
    private static string StaticPath(string livePath)
    {
        if (livePath.Length == 0)
        {
            return "index.html";
        }

        if (livePath is "tags" or "archive")
        {
            return livePath + "/index.html";
        }

        if (livePath.StartsWith("articles/", StringComparison.Ordinal))
        {
            return livePath + ".html";
        }

        if (livePath.StartsWith("tags/", StringComparison.Ordinal))
        {
            var tag = Uri.UnescapeDataString(livePath["tags/".Length..]);
            return string.Join('/', StaticLinks.TagFile(tag, 1).Split('/').Select(Uri.EscapeDataString));
        }

        var parts = livePath.Split('/');
        return parts is ["archive", var year, var month] ? $"archive/{year}-{month}.html" : livePath;
    }

    private static IEnumerable<(IReadOnlyList<ArchiveEntry> Page, int Number)> Pages(IReadOnlyList<ArchiveEntry> entries, int pageSize)
    {
        if (entries.Count == 0)
        {
            yield return ([], 1);
            yield break;
        }

        for (var i = 0; i < entries.Count; i += pageSize)
        {
            yield return (entries.Skip(i).Take(pageSize).ToList(), (i / pageSize) + 1);
        }
    }

    private static int Depth(string file) => file.Count(c => c == '/');
}

/// <summary>Writes files only when their bytes differ, atomically, and remembers what it wrote.</summary>
internal sealed class ExportWriter(string root)
{
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);

    public int Written { get; private set; }

    public int Unchanged { get; private set; }

    public Task WriteAsync(string relative, string content, CancellationToken ct) =>
        WriteBytesAsync(relative, Encoding.UTF8.GetBytes(content), ct);

    public async Task CopyAsync(string relative, Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        await WriteBytesAsync(relative, buffer.ToArray(), ct);
    }

    public async Task<int> FinishAsync(CancellationToken ct)
    {
        var manifest = Path.Combine(root, SiteExporter.ManifestName);
        var removed = 0;
        if (File.Exists(manifest))
        {
            foreach (var old in await File.ReadAllLinesAsync(manifest, ct))
            {
                if (old.Length > 0 && !_files.Contains(old) && Inside(old) is { } path && File.Exists(path))
                {
                    File.Delete(path);
                    removed++;
                }
            }
        }

        await WriteIfChangedAsync(manifest, Encoding.UTF8.GetBytes(string.Join('\n', _files.Order(StringComparer.Ordinal)) + "\n"), ct);
        return removed;
    }

    private async Task WriteBytesAsync(string relative, byte[] bytes, CancellationToken ct)
    {
        if (!_files.Add(relative))
        {
            return;
        }

        var path = Inside(relative) ?? throw new InvalidOperationException("Export path outside the folder: " + relative);
        if (await WriteIfChangedAsync(path, bytes, ct))
        {
            Written++;
        }
        else
        {
            Unchanged++;
        }
    }

    private static async Task<bool> WriteIfChangedAsync(string path, byte[] bytes, CancellationToken ct)
    {
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && (await File.ReadAllBytesAsync(path, ct)).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
        return true;
    }

    /// <summary>A manifest line is trusted only if it stays inside the export folder.</summary>
    private string? Inside(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
