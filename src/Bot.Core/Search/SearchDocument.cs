namespace Bot.Core.Search;

/// <summary>
/// What the index holds of one article: its words, its tags (folded, as in article_tags.value_key), its
/// publication time, and whether readers may not see it (a draft, scheduled or retracted article).
/// </summary>
public sealed record SearchDocument(long ArticleId, string Title, string PlainText, IReadOnlyList<string> TagKeys, long? PublishedUtc, bool Hidden);
