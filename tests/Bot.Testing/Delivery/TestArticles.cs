using Bot.Core.Storage;

namespace Bot.Testing.Delivery;

/// <summary>Writes article rows straight into a test database, for tests of what happens after an article exists.</summary>
public static class TestArticles
{
    public static async Task<long> InsertAsync(
        SqliteDatabase database,
        string title,
        string state = "draft",
        string? author = null,
        IReadOnlyList<string>? tags = null,
        string text = "正文 body text",
        CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        long id;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO articles (slug, title, author, body, plain_text, source, content_hash, language, state, created_at, modified_at)
                VALUES ($slug, $title, $author, $text, $text, $text, 'hash', 'zh', $state, 0, 0)
                RETURNING id
                """;
            command.Parameters.AddWithValue("$slug", "slug-" + Guid.NewGuid().ToString("N"));
            command.Parameters.AddWithValue("$title", title);
            command.Parameters.AddWithValue("$author", (object?)author ?? DBNull.Value);
            command.Parameters.AddWithValue("$text", text);
            command.Parameters.AddWithValue("$state", state);
            id = (long)(await command.ExecuteScalarAsync(ct))!;
        }

        foreach (var tag in tags ?? [])
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO article_tags (article_id, kind, value, value_key) VALUES ($id, 'tag', $value, $key)";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$value", tag);
            // Not the fan-out's folding on purpose: matching must not depend on how the importer folds.
            command.Parameters.AddWithValue("$key", tag.ToUpperInvariant());
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return id;
    }
}
