using System.Collections.Concurrent;
using Bot.Core.Articles;
using Bot.Core.Media;
using Markdig.Renderers.Html;
using Bot.Web.Localization;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Web.Rendering;

/// <summary>
/// An article's Markdown as HTML that is safe to put in a page: Markdig renders it, then HtmlSanitizer
/// removes anything that could run or load (scripts, event attributes, javascript: links, iframes, forms,
/// styles). Images from outside the archive become links: pages never load outside assets.
/// </summary>
public sealed class ArticleHtml
{
    /// <summary>Article HTML points at stored images root-relatively; pages and feeds rewrite the prefix for where they are read.</summary>
    public const string MediaPrefix = "/media/";

    private const int CacheLimit = 2000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();
    private readonly ConcurrentDictionary<(long Id, string Hash, string Body), string> _cache = new();

    /// <summary>The article's body as sanitized HTML, cached by content: rendering and sanitizing cost more than the page around it.</summary>
    public string Body(Article article, WebText text)
    {
        var key = (article.Id, article.ContentHash + text.Code, article.Body);
        if (_cache.TryGetValue(key, out var html))
        {
            return html;
        }

        html = Render(article.Body, text, article.Images, article.SourceUrl);
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[key] = html;
        return html;
    }

    /// <summary>Markdown to sanitized HTML; images the media store holds are served from it (root-relative /media/{sha256}).</summary>
    public string Render(string markdown, WebText text, IReadOnlyList<ArticleImage>? images = null, string? sourceUrl = null)
    {
        var stored = (images ?? []).Where(i => i.Stored is not null).GroupBy(i => i.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Stored!, StringComparer.Ordinal);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage && l.Url is not null))
        {
            if (ImageReferences.Absolute(image.Url!, sourceUrl) is { } absolute && stored.TryGetValue(absolute, out var copy))
            {
                image.Url = MediaPrefix + copy.Sha256;
                image.GetAttributes().AddPropertyIfNotExist("width", copy.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
                image.GetAttributes().AddPropertyIfNotExist("height", copy.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        foreach (var link in document.Descendants<LinkInline>().Where(l => !l.IsImage && l.Url is { Length: > 0 } url && !url.StartsWith('#') && !Uri.TryCreate(url, UriKind.Absolute, out _)))
        {
            // A relative link means something only on the article's own site: resolve it there, or drop it (below).
            link.Url = ImageReferences.Absolute(link.Url!, sourceUrl) ?? link.Url;
        }

        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage && !IsLocal(l.Url)).ToList())
        {
            // An outside image would be a request leaving the reader's network: show it as a link instead.
            image.IsImage = false;
            if (image.FirstChild is null)
            {
                image.AppendChild(new LiteralInline(text.Image));
            }
        }

        var html = document.ToHtml(Pipeline);

        // Raw <img> tags in the Markdown: the stored copy replaces the address as the author wrote it.
        foreach (var (url, copy) in stored)
        {
            html = html.Replace("src=\"" + url + "\"", "src=\"" + MediaPrefix + copy.Sha256 + "\"", StringComparison.Ordinal);
        }

        return _sanitizer.Sanitize(html);
    }

    /// <summary>Only paths on this site (the media store) load; everything absolute or protocol-relative is outside.</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrWhiteSpace(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);

    private static bool IsOutside(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();

        // Inline styles could hide text or draw over the page; ids and names could clobber the page's own.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("id");
        sanitizer.AllowedAttributes.Remove("name");
        sanitizer.AllowedAttributes.Remove("srcset");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("option");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not AngleSharp.Dom.IElement element)
            {
                return;
            }

            if (element.LocalName == "img" && !IsLocal(element.GetAttribute("src")))
            {
                // A raw <img> pointing outside: keep what it showed as a link the reader may choose to open.
                var link = element.Owner!.CreateElement("a");
                var src = element.GetAttribute("src");
                if (IsOutside(src))
                {
                    link.SetAttribute("href", src);
                    link.SetAttribute("rel", "nofollow noopener noreferrer");
                }

                link.TextContent = element.GetAttribute("alt") is { Length: > 0 } alt ? alt : "image";
                e.ReplacementNodes.Add(link);
            }
            else if (element.LocalName == "a" && element.GetAttribute("href") is { } href && !IsLocal(href))
            {
                if (IsOutside(href) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                {
                    element.SetAttribute("rel", "nofollow noopener noreferrer");
                }
                else if (!href.StartsWith('#'))
                {
                    // Relative to a site we do not know: a dead link in every copy of the archive.
                    element.RemoveAttribute("href");
                }
            }
        };
        return sanitizer;
    }
}
