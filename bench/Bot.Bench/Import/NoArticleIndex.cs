using Bot.Core.Search;
using Microsoft.Data.Sqlite;

namespace Bot.Bench.Import;

/// <summary>The baseline without search indexing: what storing the rows alone costs.</summary>
internal sealed class NoArticleIndex : IArticleIndex
{
    public Task IndexAsync(SqliteConnection connection, SqliteTransaction transaction, SearchDocument document, CancellationToken ct) => Task.CompletedTask;

    public Task ReindexAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct) => Task.CompletedTask;

    public Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct) => Task.CompletedTask;
}
