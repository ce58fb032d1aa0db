namespace Bot.Core.Parsing;

/// <summary>The front matter of a file (keys case-insensitive, in file order) and the Markdown after it.</summary>
internal sealed record FrontMatter(IReadOnlyList<KeyValuePair<string, FrontMatterValue>> Entries, string Body)
{
    public static FrontMatter None(string text) => new([], text);

    public bool Present => Entries.Count > 0;
}
