using System.Text.Json;
using Bot.Core.Search.Text;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Search;

/// <summary>Writes an article's tokens into article_fts inside the caller's transaction.</summary>
public sealed class SqliteArticleIndex : IArticleIndex
{
    /// <summary>The columns <see cref="Document"/> reads, for a query over articles AS a.</summary>
    public const string DocumentColumns = """
        a.id, a.title, a.plain_text, a.published_utc,
        (SELECT json_group_array(t.value_key) FROM article_tags AS t WHERE t.article_id = a.id AND t.kind = 'tag'),
        a.state <> 'published'
        """;

    public async Task IndexAsync(SqliteConnection connection, SqliteTransaction transaction, SearchDocument document, CancellationToken ct)
    {
        var title = IndexedText.From(SearchText.Normalize(document.Title));
        var body = IndexedText.From(SearchText.Normalize(document.PlainText));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM article_fts WHERE rowid = $id;
            INSERT INTO article_fts (rowid, title_uni, title_bi, body_uni, body_bi, meta)
            VALUES ($id, $title_uni, $title_bi, $body_uni, $body_bi, $meta);
            """;
        command.Parameters.AddWithValue("$id", document.ArticleId);
        command.Parameters.AddWithValue("$title_uni", title.Unigrams);
        command.Parameters.AddWithValue("$title_bi", title.Bigrams);
        command.Parameters.AddWithValue("$body_uni", body.Unigrams);
        command.Parameters.AddWithValue("$body_bi", body.Bigrams);
        command.Parameters.AddWithValue("$meta", SearchMeta.Tokens(document.TagKeys.Distinct(StringComparer.Ordinal), document.PublishedUtc, document.Hidden));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ReindexAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct)
    {
        if (await ReadAsync(connection, transaction, articleId, ct) is { } document)
        {
            await IndexAsync(connection, transaction, document, ct);
        }
    }

    private static async Task<SearchDocument?> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {DocumentColumns} FROM articles AS a WHERE a.id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Document(reader) : null;
    }

    public async Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM article_fts WHERE rowid = $id";
        command.Parameters.AddWithValue("$id", articleId);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Reads a row selected with <see cref="DocumentColumns"/>.</summary>
    public static SearchDocument Document(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        JsonSerializer.Deserialize<string[]>(reader.GetString(4)) ?? [],
        reader.IsDBNull(3) ? null : reader.GetInt64(3),
        reader.GetBoolean(5));
}
