using System.Globalization;
using System.Text;
using Bot.Core.Articles;
using Bot.Core.Localization;
using Bot.Core.Rendering;
using Bot.Core.Search;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands;

/// <summary>How lists of articles, hits and filters read in replies, the same on every platform.</summary>
public static class ReplyFormat
{
    public static string ArticleLine(long id, string title, DateTimeOffset? published, string? author)
    {
        var line = new StringBuilder($"**#{id}** {MarkdownText.Escape(title)}");
        if (published is { } date)
        {
            line.Append(" · ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(author))
        {
            line.Append(" · ").Append(MarkdownText.Escape(author));
        }

        return line.ToString();
    }

    public static string Hit(SearchHit hit, UiText text)
    {
        var snippet = new StringBuilder();
        var at = 0;
        foreach (var highlight in hit.Highlights.OrderBy(h => h.Start))
        {
            if (highlight.Start < at || highlight.Start + highlight.Length > hit.Snippet.Length)
            {
                continue;
            }

            snippet.Append(MarkdownText.Escape(hit.Snippet[at..highlight.Start]))
                .Append("**").Append(MarkdownText.Escape(hit.Snippet.Substring(highlight.Start, highlight.Length))).Append("**");
            at = highlight.Start + highlight.Length;
        }

        snippet.Append(MarkdownText.Escape(hit.Snippet[at..]));
        return $"{ArticleLine(hit.ArticleId, hit.Title, hit.Published, null)}\n{snippet}\n{text.ReadHint(hit.ArticleId)}";
    }

    public static string Filter(SubscriptionFilter filter, UiText text)
    {
        if (filter.IsEverything)
        {
            return text.FilterEverything;
        }

        var parts = new List<string>();
        if (filter.Tags.Count > 0)
        {
            parts.Add($"{text.FilterTags}: {string.Join(", ", filter.Tags.Select(MarkdownText.Escape))}");
        }

        if (filter.Authors.Count > 0)
        {
            parts.Add($"{text.FilterAuthors}: {string.Join(", ", filter.Authors.Select(MarkdownText.Escape))}");
        }

        if (filter.Keywords.Count > 0)
        {
            parts.Add($"{text.FilterKeywords}: {string.Join(", ", filter.Keywords.Select(MarkdownText.Escape))}");
        }

        return string.Join("; ", parts);
    }

    public static string Tags(Article article) =>
        article.Tags.Count == 0 ? "—" : string.Join(", ", article.Tags.Select(MarkdownText.Escape));
}
