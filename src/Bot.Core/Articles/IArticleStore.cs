namespace Bot.Core.Articles;

public enum ImportStatus
{
    Imported,
    Updated,
    Unchanged,
}

public sealed record ImportOutcome(long ArticleId, ImportStatus Status);

/// <summary>The archive. Every write keeps the search index in step in the same transaction.</summary>
public interface IArticleStore
{
    Task<Article?> GetAsync(long id, CancellationToken ct);

    /// <summary>Published articles, newest first.</summary>
    Task<IReadOnlyList<Article>> LatestAsync(int count, CancellationToken ct);

    /// <summary>All articles (every state) for the CLI, by id.</summary>
    Task<IReadOnlyList<ArticleSummary>> ListAsync(CancellationToken ct);

    /// <summary>Tags of published articles with their counts, most used first.</summary>
    Task<IReadOnlyList<TagCount>> TagsAsync(CancellationToken ct);

    /// <summary>
    /// Adds an archived file as a published article, or updates the article imported from the same
    /// source file in place (same id). Same content hash: nothing changes. Imports never fan out.
    /// </summary>
    Task<ImportOutcome> ImportAsync(ParsedArticle parsed, CancellationToken ct);

    /// <summary>Stores an admin's post as a draft; publishing it is the publishing service's job.</summary>
    Task<Article> CreateDraftAsync(ParsedArticle parsed, CancellationToken ct);
}
