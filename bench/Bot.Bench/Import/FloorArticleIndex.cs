using Bot.Core.Search;
using Bot.Core.Search.Text;
using Microsoft.Data.Sqlite;

namespace Bot.Bench.Import;

/// <summary>
/// The least any FTS5 index that finds every substring by position can write: one token per character (the
/// pairs alone, no single characters, no meta), through FTS5's cheapest tokenizer (ascii: split on spaces,
/// no Unicode tables), in its own table with the archive's pending-terms size. It finds nothing exactly
/// (single characters and filters are missing); it is here to show how far FTS5's own per-token cost
/// lets any such index go on this machine.
/// </summary>
internal sealed class FloorArticleIndex : IArticleIndex
{
    private bool _created;

    public Task IndexAsync(SqliteConnection connection, SqliteTransaction transaction, SearchDocument document, CancellationToken ct) =>
        WriteAsync(connection, transaction, document.ArticleId, Tokens(document), ct);

    /// <summary>Like the archive's index, the tokens are made on the other core while FTS5 takes the previous article's.</summary>
    public async Task IndexManyAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<SearchDocument> documents, CancellationToken ct)
    {
        foreach (var (id, tokens) in documents.AsParallel().AsOrdered().WithCancellation(ct).Select(d => (d.ArticleId, Tokens(d))))
        {
            await WriteAsync(connection, transaction, id, tokens, ct);
        }
    }

    private static (string Title, string Body) Tokens(SearchDocument document) =>
        (IndexedText.From(SearchText.Normalize(document.Title)).Bigrams, IndexedText.From(SearchText.Normalize(document.PlainText)).Bigrams);

    private async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, long id, (string Title, string Body) tokens, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (!_created)
        {
            command.CommandText = """
                CREATE VIRTUAL TABLE IF NOT EXISTS floor_fts USING fts5 (title, body, content = '', tokenize = 'ascii');
                INSERT INTO floor_fts (floor_fts, rank) VALUES ('hashsize', 33554432);
                """;
            await command.ExecuteNonQueryAsync(ct);
            _created = true;
        }

        command.CommandText = "INSERT INTO floor_fts (rowid, title, body) VALUES ($id, $title, $body)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$title", tokens.Title);
        command.Parameters.AddWithValue("$body", tokens.Body);
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task ReindexAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct) => Task.CompletedTask;

    public Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct) => Task.CompletedTask;
}
