using System.Text.Json;
using Bot.Core.Search.Text;
using Bot.Core.Storage.Articles;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Search.Sqlite;

/// <summary>Writes an article's tokens into article_fts inside the caller's transaction.</summary>
public sealed class SqliteArticleIndex : IArticleIndex
{
    /// <summary>The columns <see cref="Document"/> reads, for a query over articles AS a.</summary>
    public const string DocumentColumns = $"""
        a.id, a.title, a.plain_text, a.published_utc,
        (SELECT json_group_array(t.value_key) FROM article_tags AS t WHERE t.article_id = a.id AND t.kind = 'tag'),
        a.state <> '{ArticleStates.Published}'
        """;

    private const string WriteSql = """
        DELETE FROM article_fts WHERE rowid = $id;
        INSERT INTO article_fts (rowid, title_uni, title_bi, body_uni, body_bi, meta)
        VALUES ($id, $title_uni, $title_bi, $body_uni, $body_bi, $meta);
        """;

    public async Task IndexAsync(SqliteConnection connection, SqliteTransaction transaction, SearchDocument document, CancellationToken ct)
    {
        await using var command = WriteCommand(connection, transaction);
        await WriteAsync(command, Tokens(document), ct);
    }

    /// <summary>
    /// Splits the articles into tokens on the other cores, in order and a few ahead, while this thread writes each
    /// one as soon as it is ready: the C# tokenizing costs about a tenth of what FTS5 does with the tokens.
    /// </summary>
    public async Task IndexManyAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<SearchDocument> documents, CancellationToken ct)
    {
        await using var command = WriteCommand(connection, transaction);
        var entries = documents.AsParallel().AsOrdered().WithCancellation(ct).Select(Tokens);
        foreach (var entry in entries)
        {
            await WriteAsync(command, entry, ct);
        }
    }

    private static IndexEntry Tokens(SearchDocument document) => new(
        document.ArticleId,
        IndexedText.From(SearchText.Normalize(document.Title)),
        IndexedText.From(SearchText.Normalize(document.PlainText)),
        SearchMeta.Tokens(document.TagKeys.Distinct(StringComparer.Ordinal), document.PublishedUtc, document.Hidden));

    private static SqliteCommand WriteCommand(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = WriteSql;
        foreach (var name in new[] { "$id", "$title_uni", "$title_bi", "$body_uni", "$body_bi", "$meta" })
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }

    private static async Task WriteAsync(SqliteCommand command, IndexEntry entry, CancellationToken ct)
    {
        command.Parameters["$id"].Value = entry.ArticleId;
        command.Parameters["$title_uni"].Value = entry.Title.Unigrams;
        command.Parameters["$title_bi"].Value = entry.Title.Bigrams;
        command.Parameters["$body_uni"].Value = entry.Body.Unigrams;
        command.Parameters["$body_bi"].Value = entry.Body.Bigrams;
        command.Parameters["$meta"].Value = entry.Meta;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One article's tokens, ready to write.</summary>
    private sealed record IndexEntry(long ArticleId, IndexedText Title, IndexedText Body, string Meta);

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
