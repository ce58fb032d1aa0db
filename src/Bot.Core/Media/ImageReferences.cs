using Bot.Core.Parsing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Core.Media;

/// <summary>
/// Finds the images an article references, in reading order, one per distinct absolute http(s) URL:
/// Markdown <c>![alt](url)</c> (reference-style too) and <c>img</c> tags in HTML blocks and inline HTML.
/// </summary>
public static class ImageReferences
{
    public static IReadOnlyList<ImageReference> FromMarkdown(string markdown, string? baseUrl, int max)
    {
        var found = new List<(string, string)>();
        var document = Markdown.Parse(markdown, MarkdownPlainText.Pipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline { IsImage: true } image when image.Url is not null:
                    found.Add((image.Url, string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
                    break;
                case HtmlInline inline:
                    found.AddRange(HtmlImageTags.Find(inline.Tag));
                    break;
                case HtmlBlock block:
                    found.AddRange(HtmlImageTags.Find(block.Lines.ToString()));
                    break;
            }
        }

        return Distinct(found, baseUrl, max);
    }

    public static IReadOnlyList<ImageReference> FromHtml(string html, string? baseUrl, int max) =>
        Distinct(HtmlImageTags.Find(html), baseUrl, max);

    /// <summary>The URL made absolute against the article's own address; null when it is not http(s) (data:, file:, javascript:…).</summary>
    public static string? Absolute(string url, string? baseUrl)
    {
        url = url.Trim();
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = "https:" + url;
        }

        Uri? uri;
        if (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.IsFile)
        {
            uri = Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) && Uri.TryCreate(root, url, out var resolved) ? resolved : null;
        }

        return uri is not null && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0
            ? uri.AbsoluteUri
            : null;
    }

    private static List<ImageReference> Distinct(IEnumerable<(string Url, string Alt)> found, string? baseUrl, int max)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var references = new List<ImageReference>();
        foreach (var (url, alt) in found)
        {
            if (references.Count >= max)
            {
                break;
            }

            if (Absolute(url, baseUrl) is { } absolute && seen.Add(absolute))
            {
                references.Add(new ImageReference(absolute, alt.Trim()));
            }
        }

        return references;
    }
}
