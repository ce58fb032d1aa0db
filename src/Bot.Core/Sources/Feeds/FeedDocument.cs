namespace Bot.Core.Sources.Feeds;

/// <summary>What a feed says, whatever its format. <paramref name="Ttl"/> and <paramref name="SkipHours"/> are RSS's polling hints.</summary>
public sealed record FeedDocument(
    string Format,
    string? Title,
    string? Link,
    TimeSpan? Ttl,
    IReadOnlySet<int> SkipHours,
    IReadOnlyList<FeedEntry> Entries);

/// <summary>One item or entry. HTML fields are HTML as the feed gave it; <paramref name="ContentText"/> is plain text (JSON Feed).</summary>
public sealed record FeedEntry(
    string? Id,
    string? Link,
    string? Title,
    string? Author,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    IReadOnlyList<string> Categories,
    string? ContentHtml,
    string? SummaryHtml,
    string? ContentText);

/// <summary>A parsed feed, or why the body is not one.</summary>
public sealed record FeedParseResult(FeedDocument? Feed, string? Error);
