using System.Security.Cryptography;
using System.Text;
using Bot.Core.Articles;
using Bot.Core.Parsing;
using Bot.Core.Sources.Feeds;
using Bot.Core.Sources.Html;
using Bot.Core.Sources.Pages;

namespace Bot.Core.Sources;

/// <summary>Makes archive articles out of feed entries and extracted pages, the same shape imports have.</summary>
public static class SourceArticles
{
    /// <summary>An item's identity inside its feed: guid/id, else link, else a hash of what it says.</summary>
    public static string ItemKey(FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!string.IsNullOrWhiteSpace(entry.Id))
        {
            return "id:" + entry.Id.Trim();
        }

        if (!string.IsNullOrWhiteSpace(entry.Link))
        {
            return "link:" + entry.Link.Trim();
        }

        return "hash:" + Hash($"{entry.Title}\n{entry.ContentHtml ?? entry.SummaryHtml ?? entry.ContentText}");
    }

    /// <summary>The entry as an article; <paramref name="page"/> replaces its summary for full-text sources.</summary>
    public static ParsedArticle FromEntry(FeedEntry entry, Uri feedUrl, IReadOnlyList<string> extraTags, ExtractedPage? page = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var link = Absolute(entry.Link, feedUrl);
        var baseUrl = link is not null ? new Uri(link) : feedUrl;
        string body;
        string source;
        if (page is not null)
        {
            body = page.Markdown;
            source = page.Html;
        }
        else if (entry.ContentHtml is { Length: > 0 } html)
        {
            body = WeChatBoilerplate.Strip(HtmlMarkdown.Convert(html, baseUrl));
            source = html;
        }
        else if (entry.SummaryHtml is { Length: > 0 } summary)
        {
            body = WeChatBoilerplate.Strip(HtmlMarkdown.Convert(summary, baseUrl));
            source = summary;
        }
        else
        {
            source = entry.ContentText ?? string.Empty;
            body = LiteralMarkdown.Escape(source.Trim());
        }

        var title = PlainTitle(entry.Title) ?? page?.Title;
        var tags = entry.Categories.Concat(extraTags).Concat(page?.Tags ?? [])
            .Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return Build(title, entry.Author ?? page?.Author, entry.Published ?? page?.Published ?? entry.Updated, entry.Updated, tags,
            link, body, source, SummaryOf(entry.SummaryHtml, baseUrl));
    }

    /// <summary>A page imported by URL (bot import, /post): keyed by its URL so a second import updates it.</summary>
    public static ParsedArticle FromPage(ExtractedPage page, Uri url, IReadOnlyList<string> extraTags)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(url);
        var tags = page.Tags.Concat(extraTags).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return Build(page.Title, page.Author, page.Published, null, tags, url.AbsoluteUri, page.Markdown, page.Html, page.Excerpt);
    }

    private static ParsedArticle Build(string? title, string? author, DateTimeOffset? published, DateTimeOffset? updated,
        IReadOnlyList<string> tags, string? link, string body, string source, string? summary)
    {
        var plainText = MarkdownPlainText.Render(body);
        var finalTitle = TextLead.CleanTitle(title ?? TextLead.Title(plainText) ?? link ?? "untitled");
        var slugSource = link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.Segments.LastOrDefault()?.Trim('/') ?? string.Empty : string.Empty;
        var hash = Hash(string.Join('\u001f', finalTitle, author, published?.ToUnixTimeSeconds(), updated?.ToUnixTimeSeconds(), string.Join('\u001e', tags), link, body));
        return new ParsedArticle(
            Slug: Slugs.From(slugSource.Contains('.', StringComparison.Ordinal) || slugSource.Length == 0 ? slugSource : slugSource + ".html", finalTitle),
            Title: finalTitle,
            Author: string.IsNullOrWhiteSpace(author) ? null : author.Trim(),
            Published: published,
            Updated: updated,
            Tags: tags,
            Categories: [],
            Summary: string.IsNullOrWhiteSpace(summary) ? TextLead.Summary(plainText) : summary,
            SourceUrl: link,
            SourceFile: null,
            Body: body,
            PlainText: plainText,
            Source: source,
            ContentHash: hash,
            Language: LanguageGuess.Of(plainText.Length > 0 ? plainText : finalTitle),
            Extra: new Dictionary<string, string>());
    }

    private static string? SummaryOf(string? summaryHtml, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(summaryHtml))
        {
            return null;
        }

        var text = MarkdownPlainText.Render(HtmlMarkdown.Convert(summaryHtml, baseUrl)).Trim();
        return text.Length == 0 ? null : text.Length > 300 ? text[..300] + "…" : text;
    }

    private static string? PlainTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        // Titles often carry entities or tags ("A &amp; B", "<b>New</b>"): keep the words only.
        var text = title.Contains('<', StringComparison.Ordinal) || title.Contains('&', StringComparison.Ordinal)
            ? MarkdownPlainText.Render(HtmlMarkdown.Convert(title, null))
            : title;
        text = string.Join(' ', text.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? null : text;
    }

    private static string? Absolute(string? link, Uri feedUrl) =>
        string.IsNullOrWhiteSpace(link) ? null
        : Uri.TryCreate(feedUrl, link.Trim(), out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri
        : null;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
