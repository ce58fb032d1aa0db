using System.Globalization;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Telegram.Rendering;

/// <summary>
/// Markdown → <see cref="FormattedText"/> with only what Telegram can show: bold, italic, underline,
/// strike, code, pre, links and blockquotes. Raw HTML in the source is kept as literal text, never
/// passed through; headings become bold lines, lists bullet lines, images links, tables text rows.
/// </summary>
public static class TelegramMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough | Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Inserted)
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static FormattedText Render(string markdown)
    {
        var builder = new FormattedTextBuilder();
        Append(builder, markdown);
        return builder.Build();
    }

    public static void Append(FormattedTextBuilder builder, string markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        new Walker(builder).Blocks(document, gap: 2);
    }

    private sealed class Walker(FormattedTextBuilder builder)
    {
        private bool _inQuote;
        private bool _inCode;
        private int _listDepth;

        public void Blocks(ContainerBlock container, int gap)
        {
            foreach (var block in container)
            {
                builder.RequestBreak(gap);
                Block(block, gap);
            }
        }

        private void Block(Block block, int gap)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    Wrap(HtmlTag.Bold, () => Inlines(heading.Inline));
                    break;
                case ParagraphBlock paragraph:
                    Inlines(paragraph.Inline);
                    break;
                case QuoteBlock quote when !_inQuote:
                    _inQuote = true;
                    // Telegram cannot nest blockquotes, so inner quotes are flattened into the outer one.
                    Wrap(HtmlTag.Blockquote, () => Blocks(quote, gap));
                    _inQuote = false;
                    break;
                case QuoteBlock quote:
                    Blocks(quote, gap);
                    break;
                case ListBlock list:
                    List(list);
                    break;
                case FencedCodeBlock fenced:
                    CodeBlock(fenced, fenced.Info);
                    break;
                case CodeBlock code:
                    CodeBlock(code, null);
                    break;
                case ThematicBreakBlock:
                    builder.Append("——————");
                    break;
                case Table table:
                    TableRows(table);
                    break;
                case LinkReferenceDefinitionGroup:
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    Inlines(leaf.Inline);
                    break;
                case LeafBlock leaf:
                    builder.Append(leaf.Lines.ToString());
                    break;
                case ContainerBlock container:
                    Blocks(container, gap);
                    break;
            }
        }

        private void List(ListBlock list)
        {
            var number = int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
            var indent = new string(' ', _listDepth * 2);
            _listDepth++;
            foreach (var item in list.OfType<ListItemBlock>())
            {
                builder.RequestBreak(1);
                builder.Append(indent + (list.IsOrdered ? $"{number++}. " : "• "));
                var first = true;
                foreach (var child in item)
                {
                    if (!first)
                    {
                        builder.RequestBreak(1);
                    }

                    first = false;
                    Block(child, 1);
                }
            }

            _listDepth--;
        }

        private void CodeBlock(LeafBlock block, string? info)
        {
            var lines = block.Lines.ToString().TrimEnd('\n', '\r');
            if (lines.Length == 0)
            {
                return;
            }

            var language = info?.Split(' ', 2)[0];
            var start = builder.Open();
            if (!string.IsNullOrWhiteSpace(language) && language.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '#' or '_'))
            {
                var inner = builder.Open();
                builder.Append(lines);
                builder.Close(inner, HtmlTag.CodeLanguage(language));
            }
            else
            {
                builder.Append(lines);
            }

            builder.Close(start, HtmlTag.Pre);
        }

        private void TableRows(Table table)
        {
            foreach (var row in table.OfType<TableRow>())
            {
                builder.RequestBreak(1);
                var cells = row.OfType<TableCell>().ToList();
                void Cells()
                {
                    for (var i = 0; i < cells.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(" | ");
                        }

                        foreach (var leaf in cells[i].OfType<LeafBlock>())
                        {
                            Inlines(leaf.Inline);
                        }
                    }
                }

                if (row.IsHeader)
                {
                    Wrap(HtmlTag.Bold, Cells);
                }
                else
                {
                    Cells();
                }
            }
        }

        private void Inlines(ContainerInline? container)
        {
            if (container is null)
            {
                return;
            }

            foreach (var inline in container)
            {
                Inline(inline);
            }
        }

        private void Inline(Inline inline)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    Wrap(HtmlTag.Code, () => builder.Append(code.Content));
                    break;
                case LineBreakInline:
                    builder.Append("\n");
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    Link(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, () => builder.Append(autolink.Url));
                    break;
                case LinkInline { IsImage: true } image:
                    var alt = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                    builder.Append("🖼 ");
                    Link(image.Url, () => builder.Append(string.IsNullOrWhiteSpace(alt) ? "image" : alt));
                    break;
                case LinkInline link:
                    Link(link.Url, () => Inlines(link));
                    break;
                case EmphasisInline emphasis:
                    Wrap(EmphasisTag(emphasis), () => Inlines(emphasis));
                    break;
                case HtmlInline html:
                    builder.Append(html.Tag);
                    break;
                case ContainerInline container:
                    Inlines(container);
                    break;
                default:
                    builder.Append(inline.ToString());
                    break;
            }
        }

        private static HtmlTag EmphasisTag(EmphasisInline emphasis) => (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
        {
            ('~', _) => HtmlTag.Strike,
            ('+', _) => HtmlTag.Underline,
            (_, >= 2) => HtmlTag.Bold,
            _ => HtmlTag.Italic,
        };

        private void Link(string? url, Action content)
        {
            // Relative or scriptable URLs would be refused by Telegram or be unsafe: show the text only.
            if (_inCode || !IsSafeUrl(url))
            {
                content();
                return;
            }

            Wrap(HtmlTag.Link(url!), content);
        }

        private void Wrap(HtmlTag tag, Action content)
        {
            // Telegram does not format inside code; nested tags would be refused.
            if (_inCode)
            {
                content();
                return;
            }

            var start = builder.Open();
            var wasCode = _inCode;
            _inCode = tag.Name is "code" or "pre";
            content();
            _inCode = wasCode;
            builder.Close(start, tag);
        }

        private static bool IsSafeUrl(string? url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg" or "mailto";
    }
}
