namespace Bot.Core.Parsing;

/// <summary>Tags and categories from a YAML list or a "a, b" / "a b" string, de-duplicated ignoring case.</summary>
internal static class TagList
{
    private const int MaxTags = 50;
    private const int MaxTagLength = 64;
    private static readonly char[] Commas = [',', '，', '、', ';', '；'];

    public static IReadOnlyList<string> From(FrontMatterValue? value)
    {
        if (value is null)
        {
            return [];
        }

        var raw = value.Items ?? Split(value.Scalar ?? string.Empty);
        var tags = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in raw)
        {
            var tag = item.Trim().Trim('"', '\'').TrimStart('#').Trim();
            if (tag.Length == 0 || tag.Length > MaxTagLength || !seen.Add(tag))
            {
                continue;
            }

            tags.Add(tag);
            if (tags.Count == MaxTags)
            {
                break;
            }
        }

        return tags;
    }

    private static string[] Split(string text)
    {
        text = text.Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }

        // "Hong Kong, 香港" keeps its space; "a b c" without commas is a space-separated list.
        return text.IndexOfAny(Commas) >= 0
            ? text.Split(Commas, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }
}
