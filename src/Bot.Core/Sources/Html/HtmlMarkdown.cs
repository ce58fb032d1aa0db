using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Bot.Core.Sources.Html;

/// <summary>
/// Turns the HTML of a feed item or an extracted page into the archive's Markdown: headings, paragraphs,
/// lists, links, emphasis, quotes, code, images and tables are kept; scripts, styles, forms, embeds and
/// tracking pixels are dropped. Links and images are made absolute against the page's address.
/// No HTML→Markdown converter is served by the registry this project uses, so this walks AngleSharp's DOM.
/// </summary>
public static class HtmlMarkdown
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form",
        "button", "input", "select", "textarea", "head", "title", "meta", "link", "audio", "video", "source", "map",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure", "figcaption",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "hr", "dl", "dt", "dd",
        "address", "details", "summary", "body", "html", "center",
    };

    /// <summary>Converts an HTML fragment (or a whole document) to Markdown.</summary>
    public static string Convert(string html, Uri? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var nodes = Parser.ParseFragment(html, document.Body!);
        var container = document.CreateElement("div");
        foreach (var node in nodes.ToList())
        {
            container.AppendChild(node);
        }

        return Convert(container, baseUrl);
    }

    public static string Convert(INode root, Uri? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(root);
        var blocks = new List<string>();
        new Walker(baseUrl).RenderChildren(root, blocks);
        return string.Join("\n\n", blocks.Where(b => b.Length > 0)).Trim();
    }

    private sealed class Walker(Uri? baseUrl)
    {
        public void RenderChildren(INode parent, List<string> blocks)
        {
            var inline = new StringBuilder();
            foreach (var child in parent.ChildNodes)
            {
                if (child is IElement element && Blocks.Contains(element.LocalName))
                {
                    Flush(inline, blocks);
                    RenderBlock(element, blocks);
                }
                else
                {
                    inline.Append(Inline(child));
                }
            }

            Flush(inline, blocks);
        }

        private void RenderBlock(IElement element, List<string> blocks)
        {
            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    var heading = OneLine(InlineChildren(element));
                    if (heading.Length > 0)
                    {
                        blocks.Add(new string('#', element.LocalName[1] - '0') + " " + heading);
                    }

                    break;
                case "ul" or "ol":
                    blocks.Add(List(element));
                    break;
                case "blockquote":
                    var inner = new List<string>();
                    RenderChildren(element, inner);
                    var quoted = string.Join("\n\n", inner.Where(b => b.Length > 0));
                    if (quoted.Length > 0)
                    {
                        blocks.Add(string.Join('\n', quoted.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line)));
                    }

                    break;
                case "pre":
                    var code = element.TextContent.TrimEnd('\n', ' ');
                    if (code.Length > 0)
                    {
                        var fence = code.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
                        blocks.Add($"{fence}\n{code}\n{fence}");
                    }

                    break;
                case "table":
                    blocks.Add(Table(element));
                    break;
                case "hr":
                    blocks.Add("---");
                    break;
                case "figcaption":
                    var caption = OneLine(InlineChildren(element));
                    if (caption.Length > 0)
                    {
                        blocks.Add($"*{caption}*");
                    }

                    break;
                default:
                    RenderChildren(element, blocks);
                    break;
            }
        }

        private string List(IElement list)
        {
            var ordered = list.LocalName == "ol";
            var number = int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
            var lines = new List<string>();
            foreach (var item in list.Children.Where(c => c.LocalName == "li"))
            {
                var marker = ordered ? $"{number++}. " : "- ";
                var inner = new List<string>();
                RenderChildren(item, inner);
                var content = string.Join("\n", inner.Where(b => b.Length > 0));
                var indent = new string(' ', marker.Length);
                var itemLines = content.Split('\n');
                lines.Add(marker + itemLines[0]);
                lines.AddRange(itemLines.Skip(1).Select(line => line.Length == 0 ? line : indent + line));
            }

            return string.Join('\n', lines);
        }

        private string Table(IElement table)
        {
            var rows = table.QuerySelectorAll("tr")
                .Select(row => row.Children.Where(c => c.LocalName is "td" or "th")
                    .Select(cell => OneLine(InlineChildren(cell))) // text already has "|" escaped
                    .ToList())
                .Where(cells => cells.Count > 0)
                .ToList();
            if (rows.Count == 0)
            {
                return string.Empty;
            }

            var width = rows.Max(r => r.Count);
            var builder = new StringBuilder();
            for (var i = 0; i < rows.Count; i++)
            {
                var cells = rows[i].Concat(Enumerable.Repeat(string.Empty, width - rows[i].Count));
                builder.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
                if (i == 0)
                {
                    builder.Append('|').AppendJoin('|', Enumerable.Repeat(" --- ", width)).Append("|\n");
                }
            }

            return builder.ToString().TrimEnd('\n');
        }

        private string InlineChildren(INode node)
        {
            var builder = new StringBuilder();
            foreach (var child in node.ChildNodes)
            {
                builder.Append(Inline(child));
            }

            return builder.ToString();
        }

        private string Inline(INode node)
        {
            if (node is IText text)
            {
                return EscapeText(CollapseSpace(text.Data));
            }

            if (node is not IElement element || Dropped.Contains(element.LocalName))
            {
                return string.Empty;
            }

            switch (element.LocalName)
            {
                case "br":
                    return "  \n";
                case "img":
                    return Image(element);
                case "strong" or "b":
                    return Wrap(InlineChildren(element), "**");
                case "em" or "i" or "cite":
                    return Wrap(InlineChildren(element), "*");
                case "del" or "s" or "strike":
                    return Wrap(InlineChildren(element), "~~");
                case "code" or "kbd" or "tt":
                    var code = CollapseSpace(element.TextContent);
                    return code.Trim().Length == 0 ? code : code.Contains('`', StringComparison.Ordinal) ? $"`` {code} ``" : $"`{code}`";
                case "a":
                    return Link(element);
                default:
                    // Block elements met inside inline content (a <div> in a <span>) still separate words.
                    var inner = InlineChildren(element);
                    return Blocks.Contains(element.LocalName) ? " " + inner + " " : inner;
            }
        }

        private string Link(IElement anchor)
        {
            var label = InlineChildren(anchor);
            var href = Absolute(anchor.GetAttribute("href"));
            if (href is null || label.Trim().Length == 0)
            {
                return label;
            }

            // Keep surrounding spaces outside the brackets so "[ text ]" never appears.
            var lead = label.Length - label.TrimStart().Length;
            var trail = label.Length - label.TrimEnd().Length;
            return label[..lead] + $"[{label.Trim()}]({href})" + label[(label.Length - trail)..];
        }

        private string Image(IElement image)
        {
            // WeChat and lazy-loading themes put the real address in data-src and a placeholder in src.
            var src = Absolute(image.GetAttribute("data-src") ?? image.GetAttribute("data-original") ?? image.GetAttribute("src"));
            if (src is null || IsTrackingPixel(image, src))
            {
                return string.Empty;
            }

            var alt = EscapeText(CollapseSpace(image.GetAttribute("alt") ?? string.Empty).Trim());
            return $"![{alt}]({src})";
        }

        private string? Absolute(string? url)
        {
            if (string.IsNullOrWhiteSpace(url))
            {
                return null;
            }

            url = url.Trim();
            // Relative first: on Unix "/about" alone parses as an absolute file:// URI.
            if (!(baseUrl is not null ? Uri.TryCreate(baseUrl, url, out var absolute) : Uri.TryCreate(url, UriKind.Absolute, out absolute)))
            {
                return null;
            }

            // javascript:, data: and mailto-less oddities never become links in the archive.
            if (absolute.Scheme is not ("http" or "https" or "mailto"))
            {
                return null;
            }

            return absolute.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
                .Replace(" ", "%20", StringComparison.Ordinal);
        }
    }

    private static bool IsTrackingPixel(IElement image, string src)
    {
        if (image.GetAttribute("width") is "0" or "1" || image.GetAttribute("height") is "0" or "1")
        {
            return true;
        }

        var host = Uri.TryCreate(src, UriKind.Absolute, out var uri) ? uri.Host : string.Empty;
        return host.EndsWith("feedburner.com", StringComparison.OrdinalIgnoreCase)
            || host.StartsWith("pixel.", StringComparison.OrdinalIgnoreCase)
            || host.Equals("stats.wordpress.com", StringComparison.OrdinalIgnoreCase)
            || host.Contains("doubleclick", StringComparison.OrdinalIgnoreCase)
            || host.Contains("google-analytics", StringComparison.OrdinalIgnoreCase)
            || src.Contains("/~r/", StringComparison.Ordinal)
            || src.Contains("/~ff/", StringComparison.Ordinal);
    }

    private static string Wrap(string inner, string marker)
    {
        var trimmed = inner.Trim();
        if (trimmed.Length == 0)
        {
            return inner;
        }

        var lead = inner.Length - inner.TrimStart().Length;
        var trail = inner.Length - inner.TrimEnd().Length;
        return inner[..lead] + marker + trimmed + marker + inner[(inner.Length - trail)..];
    }

    private static void Flush(StringBuilder inline, List<string> blocks)
    {
        var paragraph = string.Join('\n', inline.ToString().Split('\n').Select(line => line.Trim(' ', '\t')))
            .Trim();
        inline.Clear();
        if (paragraph.Length == 0)
        {
            return;
        }

        // Hard breaks keep their two trailing spaces; everything else was trimmed above.
        paragraph = paragraph.Replace("\n", "  \n", StringComparison.Ordinal);
        blocks.Add(EscapeLineStart(paragraph));
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[])['\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string CollapseSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u3000')
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        if (space)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    private static string EscapeText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '~' or '|')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A paragraph that starts with "#", "-", "1." and the like would become markup: escape that start.</summary>
    private static string EscapeLineStart(string paragraph)
    {
        if (paragraph.Length == 0)
        {
            return paragraph;
        }

        if (paragraph[0] is '#' or '-' or '+' or '=')
        {
            return "\\" + paragraph;
        }

        var digits = 0;
        while (digits < paragraph.Length && char.IsAsciiDigit(paragraph[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < paragraph.Length && paragraph[digits] is '.' or ')'
            ? paragraph[..digits] + "\\" + paragraph[digits..]
            : paragraph;
    }
}
