namespace Bot.Core.Archive;

/// <summary>A published article in a list: enough for a line of an index page or a sitemap entry.</summary>
/// <param name="Lead">The article's summary, or the start of its text.</param>
/// <param name="Modified">When the bot last changed the row: for sitemaps and feeds' updated dates.</param>
public sealed record ArchiveEntry(long Id, string Title, string? Author, DateTimeOffset? Published, IReadOnlyList<string> Tags, string Lead, DateTimeOffset Modified);

/// <summary>One page of a list and how many articles the whole list has.</summary>
public sealed record ArchivePage(int Total, IReadOnlyList<ArchiveEntry> Entries);

/// <summary>A month (in the author's own time zone) that has published articles.</summary>
public sealed record ArchiveMonth(int Year, int Month, int Count);

/// <summary>A tag of published articles: its spelling, the key it is matched by, and how many use it.</summary>
public sealed record ArchiveTag(string Tag, string Key, int Count);

/// <summary>
/// Published articles in the orders a reader browses them: newest first, by tag, by month. Drafts,
/// scheduled and retracted articles are never listed. Undated articles sort after dated ones.
/// </summary>
public interface IArchiveBrowser
{
    Task<ArchivePage> NewestAsync(int offset, int limit, CancellationToken ct);

    /// <summary>Articles with the tag, matched case-insensitively; an unknown tag has a total of 0.</summary>
    Task<ArchivePage> TaggedAsync(string tag, int offset, int limit, CancellationToken ct);

    Task<ArchivePage> MonthAsync(int year, int month, int offset, int limit, CancellationToken ct);

    /// <summary>Months with articles, newest first.</summary>
    Task<IReadOnlyList<ArchiveMonth>> MonthsAsync(CancellationToken ct);

    /// <summary>Tags of published articles, most used first.</summary>
    Task<IReadOnlyList<ArchiveTag>> TagsAsync(CancellationToken ct);
}
