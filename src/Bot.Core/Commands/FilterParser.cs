using Bot.Core.Subscriptions;

namespace Bot.Core.Commands;

/// <summary>
/// Reads "/subscribe 朝鲜 #俄罗斯 author:倪刃 keyword:核武" into a filter. Words are tags unless prefixed.
/// Nothing is dropped for being too many: the handler refuses a filter over the limit, with the limit.
/// </summary>
public static class FilterParser
{
    private const int MaxItemLength = SqliteSubscriptionService.MaxValueLength;

    public static SubscriptionFilter Parse(string text)
    {
        var tags = new List<string>();
        var authors = new List<string>();
        var keywords = new List<string>();
        foreach (var raw in text.Split([' ', ',', '，', '、', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var word = raw.TrimStart('#');
            if (word.Length == 0 || word.Length > MaxItemLength)
            {
                continue;
            }

            if (TryStrip(word, "author:", out var author))
            {
                Add(authors, author);
            }
            else if (TryStrip(word, "keyword:", out var keyword))
            {
                Add(keywords, keyword);
            }
            else if (TryStrip(word, "tag:", out var tag))
            {
                Add(tags, tag);
            }
            else
            {
                Add(tags, word);
            }
        }

        return new SubscriptionFilter(tags, authors, keywords);
    }

    /// <summary>True when one kind has more values than a subscription keeps.</summary>
    public static bool IsTooLarge(SubscriptionFilter filter) =>
        Math.Max(filter.Tags.Count, Math.Max(filter.Authors.Count, filter.Keywords.Count)) > SqliteSubscriptionService.MaxValuesPerKind;

    public static bool IsAll(string text) =>
        text.Trim() is "all" or "ALL" or "All" or "全部";

    private static bool TryStrip(string word, string prefix, out string value)
    {
        value = word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? word[prefix.Length..] : string.Empty;
        return value.Length > 0;
    }

    private static void Add(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(value);
        }
    }
}
