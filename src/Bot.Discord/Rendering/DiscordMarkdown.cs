using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Discord.Rendering;

/// <summary>
/// Turns article Markdown into what Discord shows readably: images become links, HTML stays literal,
/// headings deeper than ### (which Discord does not render) become bold lines. Code blocks are left alone.
/// </summary>
public static partial class DiscordMarkdown
{
    public static string FromArticle(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var builder = new StringBuilder(text.Length + 16);
        string? fence = null;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (fence is null && FenceStart(trimmed) is { } opened)
            {
                fence = opened;
                builder.Append(line).Append('\n');
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.TrimEnd().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                }

                builder.Append(line).Append('\n');
                continue;
            }

            builder.Append(ConvertLine(line)).Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>The fence (``` or ~~~, three or more) that opens a code block on this line, or null.</summary>
    public static string? FenceStart(string trimmedLine)
    {
        var match = FencePattern().Match(trimmedLine);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string ConvertLine(string line)
    {
        var heading = DeepHeading().Match(line);
        if (heading.Success)
        {
            line = "**" + heading.Groups[1].Value.Trim() + "**";
        }

        line = Image().Replace(line, m =>
        {
            var alt = m.Groups[1].Value.Trim();
            return $"[{(alt.Length == 0 ? "image" : alt)}]({m.Groups[2].Value})";
        });

        // Discord has no HTML, but <…> starts mentions, channels and timestamps: escape so tags stay text.
        return HtmlLike().Replace(line, m => "\\" + m.Value);
    }

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex FencePattern();

    [GeneratedRegex(@"^\s{0,3}#{4,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex DeepHeading();

    [GeneratedRegex(@"!\[([^\]]*)\]\((\S+?)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"(?<!\\)<(?=[/!A-Za-z@#:])")]
    private static partial Regex HtmlLike();
}
