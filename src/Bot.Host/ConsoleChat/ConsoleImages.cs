using Bot.Core.Articles;
using Bot.Core.Media;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Host.ConsoleChat;

/// <summary>
/// An article body as terminal text with each image, where it stands, as a line
/// <c>[image: alt — 3fa4b2c1d5e6…]</c> naming its archived copy (or its URL when it is not archived).
/// </summary>
public static class ConsoleImages
{
    public static string PlainText(Article article)
    {
        var document = Markdown.Parse(article.Body);
        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case LinkInline { IsImage: true } image:
                    var alt = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                    Replace(image, Line(article, image.Url ?? string.Empty, alt));
                    break;
                case HtmlInline inline when HtmlImageTags.Find(inline.Tag).FirstOrDefault() is { Url: not null } tag:
                    Replace(inline, Line(article, tag.Url, tag.Alt));
                    break;
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        renderer.Render(document);
        return writer.ToString();
    }

    public static string Line(Article article, string url, string alt)
    {
        var absolute = ImageReferences.Absolute(url, article.SourceUrl);
        var image = article.Images.FirstOrDefault(i => i.Url == absolute);
        var label = string.IsNullOrWhiteSpace(alt) ? image?.Alt ?? string.Empty : alt.Trim();
        var what = image?.Stored is { } stored ? $"{stored.Sha256[..12]}…" : $"{url} (not archived)";
        return $"[image: {label} — {what}]";
    }

    private static void Replace(Inline inline, string line)
    {
        // On a line of its own, as the picture would stand in a chat.
        inline.ReplaceBy(new LiteralInline($"\n{line}\n"), copyChildren: false);
    }
}
