using System.Text.Json;
using Bot.Core.Subscriptions;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Publishing;

/// <summary>
/// Writes one pending delivery per active, unpaused subscription whose filter matches the article.
/// The article's side of the match is folded here with <see cref="FilterKey"/>, the same function
/// that folded the filters, so SQLite only compares equal strings and finds substrings.
/// </summary>
internal static class FanOut
{
    /// <summary>An active, unpaused subscription <c>s</c> whose filter matches the article in $tags, $author, $title and $text.</summary>
    private const string Matches = """
        s.active = 1 AND s.paused = 0
          AND (
            NOT EXISTS (SELECT 1 FROM subscription_filters f WHERE f.subscription_id = s.id)
            OR EXISTS (
                SELECT 1 FROM subscription_filters f
                WHERE f.subscription_id = s.id
                  AND (   (f.kind = 'tag' AND f.value_key IN (SELECT value FROM json_each($tags)))
                       OR (f.kind = 'author' AND f.value_key = $author)
                       OR (f.kind = 'keyword' AND (instr($title, f.value_key) > 0 OR instr($text, f.value_key) > 0)))))
        """;

    /// <summary>Returns how many subscriptions matched: deliveries written plus digest items queued.</summary>
    public static async Task<int> WriteAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, DateTimeOffset now, CancellationToken ct)
    {
        string title, text, author;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT title, plain_text, coalesce(author, '') FROM articles WHERE id = $id";
            read.Parameters.AddWithValue("$id", articleId);
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return 0;
            }

            title = FilterKey.Fold(reader.GetString(0));
            text = FilterKey.Fold(reader.GetString(1));
            author = FilterKey.Fold(reader.GetString(2).Trim());
        }

        var tags = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            // Categories count as tags: readers do not know which of the two an author used.
            read.CommandText = "SELECT value FROM article_tags WHERE article_id = $id";
            read.Parameters.AddWithValue("$id", articleId);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tags.Add(FilterKey.Fold(reader.GetString(0).Trim()));
            }
        }

        // Instant subscriptions get a delivery now; digest subscriptions get an item their next digest takes.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO deliveries (article_id, subscription_id, state, next_attempt_at, created_at)
            SELECT $article, s.id, 'pending', $now, $now
            FROM subscriptions s
            WHERE s.delivery_mode = 'instant' AND {Matches}
            ORDER BY s.id
            ON CONFLICT (article_id, subscription_id) DO NOTHING;
            INSERT INTO digest_items (subscription_id, article_id)
            SELECT s.id, $article
            FROM subscriptions s
            WHERE s.delivery_mode <> 'instant' AND s.digest_next_at IS NOT NULL AND {Matches}
            ON CONFLICT DO NOTHING;
            """;
        insert.Parameters.AddWithValue("$article", articleId);
        insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(tags));
        insert.Parameters.AddWithValue("$author", author);
        insert.Parameters.AddWithValue("$title", title);
        insert.Parameters.AddWithValue("$text", text);
        return await insert.ExecuteNonQueryAsync(ct);
    }
}
