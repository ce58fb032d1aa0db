using System.Text;

namespace Bot.Telegram.Rendering;

/// <summary>Writes formatted text as Telegram HTML: only Telegram's tags, every text character escaped.</summary>
public static class TelegramHtmlWriter
{
    public static string Write(FormattedText text)
    {
        var entities = text.Entities
            .Where(e => e.Length > 0)
            .OrderBy(e => e.Start)
            .ThenByDescending(e => e.End)
            .ThenBy(e => e.Depth)
            .ToList();
        var html = new StringBuilder(text.Text.Length + (entities.Count * 16));
        var open = new Stack<TextEntity>();
        var next = 0;
        for (var i = 0; i <= text.Text.Length; i++)
        {
            while (open.Count > 0 && open.Peek().End <= i)
            {
                html.Append("</").Append(open.Pop().Tag.Name).Append('>');
            }

            if (i == text.Text.Length)
            {
                break;
            }

            while (next < entities.Count && entities[next].Start == i)
            {
                var entity = entities[next++];
                // Entities come from a tree, so they nest; a clipped or malformed one that would cross
                // its parent is shortened to keep the HTML well-formed.
                if (open.Count > 0 && entity.End > open.Peek().End)
                {
                    entity = entity with { Length = open.Peek().End - entity.Start };
                }

                OpenTag(html, entity.Tag);
                open.Push(entity);
            }

            AppendEscaped(html, text.Text[i]);
        }

        while (open.Count > 0)
        {
            html.Append("</").Append(open.Pop().Tag.Name).Append('>');
        }

        return html.ToString();
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            AppendEscaped(builder, c);
        }

        return builder.ToString();
    }

    private static void OpenTag(StringBuilder html, HtmlTag tag)
    {
        html.Append('<').Append(tag.Name);
        if (tag.Attribute is { } attribute)
        {
            html.Append(tag.IsLink ? " href=\"" : " class=\"language-");
            foreach (var c in attribute)
            {
                AppendEscaped(html, c);
            }

            html.Append('"');
        }

        html.Append('>');
    }

    private static void AppendEscaped(StringBuilder html, char c)
    {
        _ = c switch
        {
            '&' => html.Append("&amp;"),
            '<' => html.Append("&lt;"),
            '>' => html.Append("&gt;"),
            '"' => html.Append("&quot;"),
            _ => html.Append(c),
        };
    }
}
