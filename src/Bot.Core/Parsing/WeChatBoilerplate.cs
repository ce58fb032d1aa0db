using System.Text.RegularExpressions;

namespace Bot.Core.Parsing;

/// <summary>
/// Removes what WeChat wraps around an article (account header, "往期推荐" link lists, like/share and
/// "follow my backup account" footers) from the rendered body. Conservative on purpose: a block is only
/// dropped when its shape leaves no doubt, and the stored source always keeps everything.
/// </summary>
internal static partial class WeChatBoilerplate
{
    private const int HeaderSearchLines = 15;
    private const int MaxPromoLength = 80;
    private static readonly string[] RelatedHeadings = ["往期推荐", "推荐阅读", "往期回顾", "相关阅读", "热文推荐", "往期精选"];

    public static string Strip(string markdown)
    {
        var lines = markdown.Split('\n').ToList();
        StripHeader(lines);
        StripRelatedLinks(lines);
        StripTrailingPromo(lines);
        return string.Join('\n', lines).Trim();
    }

    private static void StripHeader(List<string> lines)
    {
        var seen = 0;
        for (var i = 0; i < lines.Count && seen < HeaderSearchLines; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            seen++;
            var match = AccountHeader().Match(lines[i].Trim());
            if (!match.Success)
            {
                continue;
            }

            var account = match.Groups["account"].Value.Trim();
            lines[i] = string.Empty;
            // Right after the header WeChat prints the account card: "**name**", "微信号 …", "功能介绍 …".
            for (var j = i + 1; j < lines.Count && j <= i + 12; j++)
            {
                var line = lines[j].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.Trim('*', ' ') == account || AccountCardLine().IsMatch(line))
                {
                    lines[j] = string.Empty;
                    continue;
                }

                break;
            }

            return;
        }
    }

    private static void StripRelatedLinks(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            // Cheap test first: almost no line mentions a related-articles heading.
            if (!lines[i].Contains("推荐", StringComparison.Ordinal) && !lines[i].Contains("往期", StringComparison.Ordinal) && !lines[i].Contains("相关阅读", StringComparison.Ordinal))
            {
                continue;
            }

            var heading = Bare(lines[i]);
            var keyword = RelatedHeadings.FirstOrDefault(h => heading.StartsWith(h, StringComparison.Ordinal));
            if (keyword is null)
            {
                continue;
            }

            var rest = heading[keyword.Length..].TrimStart(':', '：', ' ');
            var shortLabel = rest.Length <= 20 && !rest.Contains('。', StringComparison.Ordinal);
            var at = lines[i].IndexOf(keyword, StringComparison.Ordinal);
            var afterKeyword = at < 0 ? string.Empty : lines[i][(at + keyword.Length)..];
            if (!shortLabel && !IsLinkOnly(afterKeyword))
            {
                continue;
            }

            if (lines.Skip(i + 1).All(l => string.IsNullOrWhiteSpace(l) || IsLinkOnly(l) || IsPromo(l)))
            {
                lines.RemoveRange(i, lines.Count - i);
                return;
            }
        }
    }

    private static void StripTrailingPromo(List<string> lines)
    {
        // Walk up from the end over blank lines, images and promo lines; cut at the earliest promo line,
        // so an image that ends the article itself (above any promo) stays.
        var cut = -1;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (string.IsNullOrWhiteSpace(lines[i]) || IsImageOnly(lines[i]))
            {
                continue;
            }

            if (IsPromo(lines[i]))
            {
                cut = i;
                continue;
            }

            break;
        }

        if (cut >= 0)
        {
            lines.RemoveRange(cut, lines.Count - cut);
        }
    }

    private static bool IsPromo(string line)
    {
        var bare = Bare(line);
        if (bare.Length == 0 || bare.Length > MaxPromoLength * 2)
        {
            return false;
        }

        var likeShare = bare.Contains("原创不易", StringComparison.Ordinal)
            || (bare.Contains("点赞", StringComparison.Ordinal) && bare.Contains("在看", StringComparison.Ordinal) && (bare.Contains("转发", StringComparison.Ordinal) || bare.Contains("分享", StringComparison.Ordinal)));
        return likeShare || (bare.Length <= MaxPromoLength && FollowUs().IsMatch(bare));
    }

    private static bool IsLinkOnly(string line)
    {
        if (line.TrimStart().StartsWith("[![", StringComparison.Ordinal))
        {
            return true;
        }

        if (!line.Contains("](", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = LinkTail().Replace(LinkOrImage().Replace(line, string.Empty), string.Empty);
        return rest.Trim().Trim('[', ']', '(', ')', '!', '*', '-', '+', ' ', '\t', '>').Length == 0;
    }

    private static bool IsImageOnly(string line) => Image().Replace(line, string.Empty).Trim().Trim('*').Length == 0;

    /// <summary>The line without emphasis, brackets of 【headings】 and surrounding space.</summary>
    private static string Bare(string line) => Image().Replace(line, string.Empty).Replace("*", string.Empty, StringComparison.Ordinal).Trim().Trim('#', '【', '】', '☞', ' ', '>').Replace("】", string.Empty, StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"^原创\s+.*\[(?<account>[^\]]+)\]\(javascript:\s*void\(0\);?\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AccountHeader();

    [GeneratedRegex(@"^(微信号|功能介绍)[\s:：]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AccountCardLine();

    [GeneratedRegex("备用号|关注我|扫码关注|长按识别|长按二维码|识别二维码", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FollowUs();

    [GeneratedRegex(@"!?\[[^\]\n]*\]\([^)\n]*\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkOrImage();

    [GeneratedRegex(@"^\s*\]\([^)\n]*\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkTail();

    [GeneratedRegex(@"!\[[^\]\n]*\]\([^)\n]*\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Image();
}
