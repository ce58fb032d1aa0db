using System.Globalization;
using System.Text;
using Bot.Core.Articles;
using Bot.Core.Rendering;
using Bot.Core.Search;
using Bot.Core.Subscriptions;

namespace Bot.Core.Localization;

/// <summary>How lists of articles, hits, tags and filters read, the same in every language but for the labels.</summary>
public abstract partial class UiText
{
    /// <summary>Makes a value literal in a sentence. Every value a sentence is given goes through here, so no caller escapes by hand.</summary>
    protected static string E(string? value) => MarkdownText.Escape(value);

    /// <summary>"**#42** Title · 2024-06-01 · Author".</summary>
    public static string ArticleLine(long id, string title, DateTimeOffset? published, string? author)
    {
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"**#{id}** {E(title)}");
        if (published is { } date)
        {
            line.Append(" · ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(author))
        {
            line.Append(" · ").Append(E(author));
        }

        return line.ToString();
    }

    /// <summary>A search hit: its line, the snippet with the matches in bold, and how to read it.</summary>
    public string Hit(SearchHit hit)
    {
        var snippet = new StringBuilder();
        var at = 0;
        foreach (var highlight in hit.Highlights.OrderBy(h => h.Start))
        {
            if (highlight.Start < at || highlight.Start + highlight.Length > hit.Snippet.Length)
            {
                continue;
            }

            snippet.Append(E(hit.Snippet[at..highlight.Start]))
                .Append("**").Append(E(hit.Snippet.Substring(highlight.Start, highlight.Length))).Append("**");
            at = highlight.Start + highlight.Length;
        }

        snippet.Append(E(hit.Snippet[at..]));
        return $"{ArticleLine(hit.ArticleId, hit.Title, hit.Published, null)}\n{snippet}\n{ReadHint(hit.ArticleId)}";
    }

    /// <summary>"tags: 朝鲜, 外交; authors: 倪刃", or "all articles".</summary>
    public string Filter(SubscriptionFilter filter)
    {
        if (filter.IsEverything)
        {
            return FilterEverything;
        }

        var parts = new List<string>();
        if (filter.Tags.Count > 0)
        {
            parts.Add($"{FilterTags}: {List(filter.Tags)}");
        }

        if (filter.Authors.Count > 0)
        {
            parts.Add($"{FilterAuthors}: {List(filter.Authors)}");
        }

        if (filter.Keywords.Count > 0)
        {
            parts.Add($"{FilterKeywords}: {List(filter.Keywords)}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>"a, b, c", or "—" for none.</summary>
    public static string List(IEnumerable<string> values)
    {
        var escaped = values.Select(E).ToList();
        return escaped.Count == 0 ? "—" : string.Join(", ", escaped);
    }

    /// <summary>"朝鲜 (12) · 外交 (7)".</summary>
    public static string TagCounts(IEnumerable<TagCount> tags) =>
        string.Join(" · ", tags.Select(t => $"{E(t.Tag)} ({t.Count.ToString(CultureInfo.InvariantCulture)})"));

    /// <summary>/help: the commands anyone may use, those for admins when given, and the search syntax.</summary>
    public string Help(IEnumerable<(string Name, string Description)> commands, IEnumerable<(string Name, string Description)>? adminCommands)
    {
        var help = new StringBuilder(HelpHeader).Append('\n');
        foreach (var (name, description) in commands)
        {
            help.Append('/').Append(name).Append(" — ").Append(E(description)).Append('\n');
        }

        if (adminCommands is not null)
        {
            help.Append('\n').Append(HelpAdminHeader).Append('\n');
            foreach (var (name, description) in adminCommands)
            {
                help.Append('/').Append(name).Append(" — ").Append(E(description)).Append('\n');
            }
        }

        help.Append('\n').Append(E(HelpSearchSyntax));
        return help.ToString();
    }

    /// <summary>What to write after a search filter, shown when one is missing or wrong.</summary>
    protected static string FilterExample(string? filter) => filter switch
    {
        "tag" => "朝鲜",
        "author" => "倪刃",
        _ => "2024-01-31",
    };
}
