using System.Text.RegularExpressions;

namespace Bot.Core.Parsing;

/// <summary>
/// Archived articles often open with "原文来自…: ~~[title](url)~~" and "作者：X". When the front matter
/// lacks an author or source, these opening lines are the best evidence; only the first few lines are
/// read and only unambiguous shapes are taken.
/// </summary>
internal static partial class BodyAttribution
{
    private const int LinesToRead = 6;
    private const int MaxAuthorLength = 40;

    public static (string? Author, string? SourceUrl) Find(string markdown)
    {
        string? author = null;
        string? sourceUrl = null;
        var read = 0;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim().TrimStart('>').Trim();
            if (line.Length == 0 || line.All(c => c is '-' or '*' or '_'))
            {
                continue;
            }

            if (++read > LinesToRead)
            {
                break;
            }

            author ??= AuthorIn(line);
            if (sourceUrl is null && SourceLine().IsMatch(line))
            {
                sourceUrl = Url().Matches(line).Select(m => m.Value.TrimEnd('~', '*', '.', '。', '，'))
                    .FirstOrDefault(u => !u.Contains("ksria.com", StringComparison.OrdinalIgnoreCase));
            }
        }

        return (author, sourceUrl);
    }

    private static string? AuthorIn(string line)
    {
        var match = AuthorLine().Match(line.Replace("*", string.Empty, StringComparison.Ordinal));
        if (!match.Success)
        {
            return null;
        }

        // "作者：大兔，编辑：小蛮妖", "作者：safin（来自豆瓣）", "作者：巴芮，[原文](…)": the name ends at the first separator.
        var name = match.Groups["name"].Value;
        var end = name.IndexOfAny(['，', ',', '。', ';', '；', '（', '(', '[', '|', '｜']);
        name = (end >= 0 ? name[..end] : name).Trim();
        return name.Length is > 0 and <= MaxAuthorLength ? name : null;
    }

    [GeneratedRegex(@"^作者(?:\s*(?:[:：]|\\?\||｜)\s*(?<name>\S.*)|\s+(?<name>[^\s:：，,]{1,20}))$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AuthorLine();

    [GeneratedRegex("^(原文|来源|信息源|本文转自|文章来自|本文来自|原链接|備份|备份|转自|转载自)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"https?://[^\s)<>\]]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Url();
}
