namespace Bot.Core.Articles;

public enum ImportStatus
{
    Imported,
    Updated,
    Unchanged,
}

public sealed record ImportOutcome(long ArticleId, ImportStatus Status);

/// <summary>One file of a batch import: its outcome, or why the database refused it.</summary>
public sealed record BatchImportResult(ImportOutcome? Outcome, string? Error);

/// <summary>The archive. Every write keeps the search index in step in the same transaction.</summary>
public interface IArticleStore
{
    Task<Article?> GetAsync(long id, CancellationToken ct);

    /// <summary>Published articles, newest first.</summary>
    Task<IReadOnlyList<Article>> LatestAsync(int count, CancellationToken ct);

    /// <summary>All articles (every state) for the CLI, by id.</summary>
    Task<IReadOnlyList<ArticleSummary>> ListAsync(CancellationToken ct);

    /// <summary>How many articles are in each state (every state present, zero or not): for /stats, without reading them.</summary>
    Task<IReadOnlyDictionary<ArticleState, int>> CountByStateAsync(CancellationToken ct);

    /// <summary>Tags of published articles with their counts, most used first.</summary>
    Task<IReadOnlyList<TagCount>> TagsAsync(CancellationToken ct);

    /// <summary>
    /// Adds an archived file as a published article, or updates the article imported from the same
    /// source file in place (same id). Same content hash: nothing changes. Imports never fan out.
    /// </summary>
    Task<ImportOutcome> ImportAsync(ParsedArticle parsed, CancellationToken ct);

    /// <summary>
    /// Imports many files with as few transactions as possible, in order. A file the database refuses
    /// fails alone: the others of the batch are still stored.
    /// </summary>
    async Task<IReadOnlyList<BatchImportResult>> ImportManyAsync(IReadOnlyList<ParsedArticle> batch, CancellationToken ct)
    {
        var results = new List<BatchImportResult>(batch.Count);
        foreach (var parsed in batch)
        {
            try
            {
                results.Add(new BatchImportResult(await ImportAsync(parsed, ct), null));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                results.Add(new BatchImportResult(null, e.Message));
            }
        }

        return results;
    }

    /// <summary>Stores an admin's post as a draft; publishing it is the publishing service's job.</summary>
    Task<Article> CreateDraftAsync(ParsedArticle parsed, CancellationToken ct);
}
