using System.Text;

namespace Bot.Core.Rendering;

public static class MarkdownText
{
    // Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them
    // is the only way to be sure article titles like "<b>" or "*重要*" stay literal on every platform.
    private const string Escapable = "\\`*_{}[]()<>#+-.!|~\"'&=:$%^@,;/?";

    /// <summary>Makes any text literal inside Core's Markdown replies.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Escapable.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>Undoes <see cref="Escape"/>, for a sentence shown as plain text (the command line).</summary>
    public static string Unescape(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && Escapable.Contains(markdown[i + 1], StringComparison.Ordinal))
            {
                i++;
            }

            builder.Append(markdown[i]);
        }

        return builder.ToString();
    }
}
