using Microsoft.Data.Sqlite;

namespace Bot.Core.Search;

/// <summary>
/// Keeps the full-text index in step with the archive. The article store calls it inside its own
/// write transaction, so an article is searchable exactly when its row is committed. The index holds
/// articles of every state; search itself only returns published ones, so retracting is instant.
/// </summary>
public interface IArticleIndex
{
    Task IndexAsync(SqliteConnection connection, SqliteTransaction transaction, SearchDocument document, CancellationToken ct);

    /// <summary>Indexes a batch of articles; an implementation may prepare their tokens on other cores meanwhile.</summary>
    async Task IndexManyAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<SearchDocument> documents, CancellationToken ct)
    {
        foreach (var document in documents)
        {
            await IndexAsync(connection, transaction, document, ct);
        }
    }

    /// <summary>Indexes the article again from its row and tags, as committed so far in <paramref name="transaction"/>.</summary>
    Task ReindexAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct);

    Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct);
}
