using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Core.Parsing;

/// <summary>
/// Markdown to the text that is searched and summarised: syntax stripped, link text kept, images and
/// bare URLs dropped (they are noise to a reader's query), one paragraph per line.
/// </summary>
internal static partial class MarkdownPlainText
{
    private const int MaxDepth = 32;

    /// <summary>The pipeline used to read article bodies (~~strike~~ and pipe tables are common in the archive).</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UseEmphasisExtras().UsePipeTables().Build();

    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var builder = new StringBuilder(markdown.Length);
        foreach (var block in document)
        {
            WriteBlock(block, builder, depth: 0);
        }

        return builder.ToString().Trim();
    }

    private static void WriteBlock(Block block, StringBuilder builder, int depth)
    {
        if (depth > MaxDepth && block is ContainerBlock deep)
        {
            // Thousands of nested quotes must not exhaust the stack: flatten what is below.
            foreach (var leaf in deep.Descendants<LeafBlock>())
            {
                var leafStart = builder.Length;
                if (leaf.Inline is { } leafInline)
                {
                    WriteInlines(leafInline, builder, depth);
                }

                EndParagraph(builder, leafStart);
            }

            return;
        }

        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                var start = builder.Length;
                WriteInlines(inline, builder, 0);
                EndParagraph(builder, start);
                break;
            case HtmlBlock html:
                var htmlStart = builder.Length;
                builder.Append(WebUtility.HtmlDecode(HtmlTag().Replace(html.Lines.ToString(), " ")).Trim());
                EndParagraph(builder, htmlStart);
                break;
            case CodeBlock code:
                var codeStart = builder.Length;
                builder.Append(code.Lines.ToString().TrimEnd());
                EndParagraph(builder, codeStart);
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var rowStart = builder.Length;
                    foreach (var cell in row.OfType<TableCell>())
                    {
                        var cellText = new StringBuilder();
                        foreach (var inner in cell)
                        {
                            WriteBlock(inner, cellText, depth + 1);
                        }

                        builder.Append(cellText.ToString().Trim()).Append(' ');
                    }

                    EndParagraph(builder, rowStart);
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    WriteBlock(child, builder, depth + 1);
                }

                break;
            default:
                break;
        }
    }

    private static void EndParagraph(StringBuilder builder, int start)
    {
        while (builder.Length > start && builder[^1] is ' ' or '\n')
        {
            builder.Length--;
        }

        if (builder.Length > start)
        {
            builder.Append('\n');
        }
    }

    private static void WriteInlines(ContainerInline container, StringBuilder builder, int depth)
    {
        if (depth > MaxDepth)
        {
            foreach (var literal in container.Descendants<LiteralInline>())
            {
                builder.Append(literal.Content.AsSpan());
            }

            return;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                case AutolinkInline:
                case HtmlInline:
                    break;
                case LinkInline link:
                    WriteInlines(link, builder, depth + 1);
                    break;
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    builder.Append('\n');
                    break;
                case ContainerInline inner:
                    WriteInlines(inner, builder, depth + 1);
                    break;
                default:
                    break;
            }
        }
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlTag();
}
