namespace Bot.Core.Search.Query;

/// <param name="SinceUtc">Unix seconds, inclusive.</param>
/// <param name="UntilUtc">Unix seconds, exclusive (the end of the day, month or year the reader typed).</param>
public sealed record SearchFilters(
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> ExcludedTags,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> ExcludedAuthors,
    long? SinceUtc,
    long? UntilUtc)
{
    public bool Any => Tags.Count + ExcludedTags.Count + Authors.Count + ExcludedAuthors.Count > 0 || SinceUtc is not null || UntilUtc is not null;
}
