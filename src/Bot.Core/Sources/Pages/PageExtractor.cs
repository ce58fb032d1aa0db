using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Bot.Core.Parsing;
using Bot.Core.Sources.Feeds;
using Bot.Core.Sources.Html;

namespace Bot.Core.Sources.Pages;

/// <summary>
/// Finds the article in a web page with SmartReader (a port of Mozilla's Readability) on AngleSharp's
/// DOM. Before that, lazy images get their real address and WeChat's hidden content is made visible;
/// after it, the page's meta tags and JSON-LD fill in what Readability leaves out, and the archive's
/// WeChat boilerplate rules strip the footer lists.
/// </summary>
public static partial class PageExtractor
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static PageExtraction Extract(string html, Uri url)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(url);
        IHtmlDocument document;
        try
        {
            document = Parser.ParseDocument(html);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new PageExtraction(null, $"cannot parse the page: {e.Message}");
        }

        using (document)
        {
            var meta = Metadata.Read(document);
            Prepare(document);
            SmartReader.Article article;
            try
            {
                var reader = new SmartReader.Reader(url.AbsoluteUri, document) { ContinueIfNotReadable = true };
                article = reader.GetArticle();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new PageExtraction(null, $"cannot find the article in the page: {e.Message}");
            }

            var markdown = string.IsNullOrWhiteSpace(article.Content) ? string.Empty : WeChatBoilerplate.Strip(HtmlMarkdown.Convert(article.Content, url));
            if (markdown.Length == 0)
            {
                return new PageExtraction(null, "the page has no article text");
            }

            var title = First(meta.Title, article.Title, document.Title) ?? url.AbsoluteUri;
            var author = First(meta.Author, article.Author, article.Byline);
            var published = meta.Published ?? (article.PublicationDate is { } date && date.Year > 1970 ? new DateTimeOffset(date) : null);
            return new PageExtraction(new ExtractedPage(TextLead.CleanTitle(title), author, published, markdown, First(meta.Description, article.Excerpt), meta.Tags, html), null);
        }
    }

    /// <summary>Lazy images and WeChat's hidden body, fixed before Readability judges the page.</summary>
    private static void Prepare(IHtmlDocument document)
    {
        foreach (var image in document.QuerySelectorAll("img"))
        {
            if ((image.GetAttribute("data-src") ?? image.GetAttribute("data-original") ?? image.GetAttribute("data-lazy-src")) is { Length: > 0 } real)
            {
                image.SetAttribute("src", real);
            }
        }

        // WeChat ships the article as visibility:hidden and reveals it with a script.
        document.GetElementById("js_content")?.RemoveAttribute("style");
        foreach (var selector in new[] { "#js_pc_qr_code", "#js_profile_qrcode", "#js_tags", ".rich_media_tool", ".qr_code_pc", "#content_bottom_area", "#js_share_notice" })
        {
            foreach (var element in document.QuerySelectorAll(selector).ToList())
            {
                element.Remove();
            }
        }
    }

    private static string? First(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private sealed record Metadata(string? Title, string? Author, DateTimeOffset? Published, string? Description, IReadOnlyList<string> Tags)
    {
        public static Metadata Read(IHtmlDocument document)
        {
            string? Meta(params string[] names) => names
                .Select(name => document.QuerySelector($"meta[property='{name}'], meta[name='{name}'], meta[itemprop='{name}']")?.GetAttribute("content"))
                .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

            var jsonLd = JsonLd(document);
            var published = FeedDates.Parse(Meta("article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "date", "DC.date.issued"))
                ?? FeedDates.Parse(jsonLd.Published)
                ?? FeedDates.Parse(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"))
                ?? WeChatTime(document);
            var tags = document.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")?.Trim())
                .OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return new Metadata(
                Meta("og:title", "twitter:title") ?? jsonLd.Title ?? document.QuerySelector("#activity-name")?.TextContent,
                Meta("author", "article:author") is { } author && !author.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? author
                    : jsonLd.Author ?? document.QuerySelector("#js_name")?.TextContent ?? Meta("og:site_name"),
                published,
                Meta("description", "og:description"),
                tags);
        }

        private static (string? Title, string? Author, string? Published) JsonLd(IHtmlDocument document)
        {
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 16 });
                    var found = Find(json.RootElement);
                    if (found is { } item)
                    {
                        return (Str(item, "headline") ?? Str(item, "name"), AuthorName(item), Str(item, "datePublished"));
                    }
                }
                catch (JsonException)
                {
                    // A broken JSON-LD block is common; the meta tags still count.
                }
            }

            return (null, null, null);
        }

        private static JsonElement? Find(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                return element.EnumerateArray().Select(Find).FirstOrDefault(e => e is not null);
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (element.TryGetProperty("datePublished", out _) || element.TryGetProperty("headline", out _))
            {
                return element;
            }

            return element.TryGetProperty("@graph", out var graph) ? Find(graph) : null;
        }

        private static string? AuthorName(JsonElement item)
        {
            if (!item.TryGetProperty("author", out var author))
            {
                return null;
            }

            var first = author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().FirstOrDefault() : author;
            return first.ValueKind switch
            {
                JsonValueKind.String => first.GetString(),
                JsonValueKind.Object => Str(first, "name"),
                _ => null,
            };
        }

        private static string? Str(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>WeChat pages carry the publishing time only as a Unix time in a script ("var ct = …").</summary>
        private static DateTimeOffset? WeChatTime(IHtmlDocument document)
        {
            foreach (var script in document.Scripts)
            {
                var match = WeChatCreateTime().Match(script.Text);
                if (match.Success && long.TryParse(match.Groups["ct"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(FrontMatterDate.DefaultOffset);
                }
            }

            return null;
        }
    }

    [GeneratedRegex("""\bvar\s+ct\s*=\s*["']?(?<ct>\d{9,11})""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WeChatCreateTime();
}
