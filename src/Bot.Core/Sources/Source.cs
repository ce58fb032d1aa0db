namespace Bot.Core.Sources;

public enum SourceKind
{
    Feed,
    Folder,
}

/// <summary>A feed or folder the bot polls. <see cref="Url"/> is the feed's URL or the folder's absolute path.</summary>
public sealed record Source(
    long Id,
    string Url,
    SourceKind Kind,
    TimeSpan Every,
    bool FullText,
    bool Review,
    IReadOnlyList<string> Tags,
    bool Paused,
    bool BacklogTaken,
    string? ETag,
    DateTimeOffset? LastModified,
    DateTimeOffset? LastPolled,
    string? LastStatus,
    string? LastError,
    int Failures,
    DateTimeOffset NextPollAt,
    int Articles);

/// <summary>What to add: the CLI's and /addsource's arguments.</summary>
public sealed record NewSource(string Url, SourceKind Kind, TimeSpan Every, bool FullText, bool Review, IReadOnlyList<string> Tags);

/// <summary>One item of a poll ready to store: its key inside the source and the article it makes.</summary>
/// <param name="EntryHash">For a full-text source, the hash of the feed's own entry (the article's comes from the page).</param>
public sealed record SourceItem(string Key, Articles.ParsedArticle Article, string? EntryHash = null);

/// <summary>
/// How new items of a poll are stored: the first poll's backlog published quietly; later ones as drafts,
/// which the poller publishes with their fan-out (Publish) or leaves to an admin (Review).
/// </summary>
public enum ItemMode
{
    Backlog,
    Publish,
    Review,
}

/// <summary>What storing a poll's items did; <see cref="NewArticleIds"/> are the articles created, in order.</summary>
/// <param name="Written">The articles created or changed with the item each came from (their images are archived next).</param>
public sealed record StoredItems(IReadOnlyList<long> NewArticleIds, int Updated, int Unchanged, IReadOnlyList<(long ArticleId, SourceItem Item)> Written);

/// <summary>The schedule and state a poll leaves behind.</summary>
public sealed record PollState(
    DateTimeOffset Polled,
    string Status,
    string? Error,
    int Failures,
    bool Paused,
    bool BacklogTaken,
    string? ETag,
    DateTimeOffset? LastModified,
    DateTimeOffset NextPollAt);
