using System.Text;

namespace Bot.Core.Parsing;

/// <summary>
/// Writes plain text (a transcript) as Markdown that renders back to exactly that text, escaping only
/// what could start markup, so the stored body stays readable.
/// </summary>
internal static class LiteralMarkdown
{
    private const string Inline = "\\`*_[]<>~|&";
    private const string LineStart = "#-+=>";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + (text.Length / 16));
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Inline.Contains(c, StringComparison.Ordinal) || (atLineStart && LineStart.Contains(c, StringComparison.Ordinal)))
            {
                builder.Append('\\');
            }
            else if (atLineStart && char.IsAsciiDigit(c) && OrderedListMarkerFollows(text, i))
            {
                // "1. text" / "1) text" would become a list: escape the punctuation after the number.
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                builder.Append(text, i, end - i).Append('\\').Append(text[end]);
                i = end;
                atLineStart = false;
                continue;
            }

            builder.Append(c);
            atLineStart = c == '\n' || (atLineStart && c is ' ' or '\t');
        }

        return builder.ToString();
    }

    private static bool OrderedListMarkerFollows(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end < text.Length && text[end] is '.' or ')';
    }
}
