using Bot.Core.Search.Text;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Search;

/// <summary>Writes an article's tokens into article_fts inside the caller's transaction.</summary>
public sealed class SqliteArticleIndex : IArticleIndex
{
    public async Task IndexAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, string title, string plainText, CancellationToken ct)
    {
        var titleText = IndexedText.From(SearchText.Normalize(title));
        var bodyText = IndexedText.From(SearchText.Normalize(plainText));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM article_fts WHERE rowid = $id;
            INSERT INTO article_fts (rowid, title_uni, title_bi, body_uni, body_bi)
            VALUES ($id, $title_uni, $title_bi, $body_uni, $body_bi);
            """;
        command.Parameters.AddWithValue("$id", articleId);
        command.Parameters.AddWithValue("$title_uni", titleText.Unigrams);
        command.Parameters.AddWithValue("$title_bi", titleText.Bigrams);
        command.Parameters.AddWithValue("$body_uni", bodyText.Unigrams);
        command.Parameters.AddWithValue("$body_bi", bodyText.Bigrams);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM article_fts WHERE rowid = $id";
        command.Parameters.AddWithValue("$id", articleId);
        await command.ExecuteNonQueryAsync(ct);
    }
}
