using System.Globalization;
using System.Text.Json;
using Bot.Core.Articles;
using Bot.Core.Delivery;
using Bot.Core.Search;
using Bot.Core.Storage;
using Bot.Core.Storage.Articles;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Sources;

/// <summary>
/// Sources in SQLite. A poll's items are written in one transaction, new ones after the backlog as
/// drafts; each is then published with its fan-out in a transaction of its own. A crash leaves items
/// either unknown (fetched again) or stored (never stored again), and a stored draft is published by the
/// next poll: nothing is pushed twice and nothing is lost.
/// </summary>
public sealed class SqliteSourceStore(
    SqliteDatabase database,
    IArticleIndex index,
    ArticleCache cache,
    TimeProvider time,
    ILogger<SqliteSourceStore> logger) : ISourceStore
{
    private const string SelectSources = """
        SELECT s.id, s.url, s.kind, s.every_seconds, s.full_text, s.review, s.tags_json, s.paused, s.backlog_taken,
               s.etag, s.last_modified, s.last_polled, s.last_status, s.last_error, s.failures, s.next_poll_at,
               (SELECT count(*) FROM source_items i WHERE i.source_id = s.id)
        FROM sources s
        """;

    public async Task<Source?> AddAsync(NewSource source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO sources (url, kind, every_seconds, full_text, review, tags_json, next_poll_at, created_at)
            VALUES ($url, $kind, $every, $full_text, $review, $tags, $now, $now)
            ON CONFLICT (url) DO NOTHING
            RETURNING id
            """;
        command.Parameters.AddWithValue("$url", source.Url);
        command.Parameters.AddWithValue("$kind", source.Kind == SourceKind.Feed ? "feed" : "folder");
        command.Parameters.AddWithValue("$every", (long)source.Every.TotalSeconds);
        command.Parameters.AddWithValue("$full_text", source.FullText ? 1 : 0);
        command.Parameters.AddWithValue("$review", source.Review ? 1 : 0);
        command.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(source.Tags));
        command.Parameters.AddWithValue("$now", now);
        return await command.ExecuteScalarAsync(ct) is long id ? await GetAsync(id, ct) : null;
    }

    public async Task<IReadOnlyList<Source>> ListAsync(CancellationToken ct) => await ReadAsync(SelectSources + " ORDER BY s.id", null, ct);

    public async Task<Source?> GetAsync(long id, CancellationToken ct) =>
        (await ReadAsync(SelectSources + " WHERE s.id = $id", id, ct)).FirstOrDefault();

    public async Task<bool> RemoveAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM sources WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task<bool> SetPausedAsync(long id, bool paused, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = paused
            ? "UPDATE sources SET paused = 1 WHERE id = $id"
            : "UPDATE sources SET paused = 0, failures = 0, next_poll_at = $now WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeSeconds());
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task<IReadOnlyDictionary<string, string?>> KnownItemsAsync(long sourceId, CancellationToken ct)
    {
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_key, entry_hash FROM source_items WHERE source_id = $id";
        command.Parameters.AddWithValue("$id", sourceId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return keys;
    }

    public async Task<StoredItems> StoreItemsAsync(long sourceId, IReadOnlyList<SourceItem> items, ItemMode mode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = time.GetUtcNow();
        var created = new List<long>();
        var written = new List<(long, SourceItem)>();
        var changed = new List<long>();
        var unchanged = 0;
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await using (var writer = new ArticleWriter(connection, transaction, index, now))
        {
            foreach (var item in items)
            {
                // A row the database refuses fails alone; the rest of the poll is stored.
                transaction.Save("item");
                try
                {
                    var known = await FindAsync(connection, transaction, sourceId, item, ct);
                    if (known is var (articleId, hash, linked))
                    {
                        if (hash != item.Article.ContentHash)
                        {
                            await writer.UpdateAsync(articleId, item.Article, ct);
                            changed.Add(articleId);
                            written.Add((articleId, item));
                        }
                        else
                        {
                            unchanged++;
                        }

                        // A full-text item reaches the store only when its entry changed: record the new entry hash even if the page did not change.
                        if (!linked || hash != item.Article.ContentHash || item.EntryHash is not null)
                        {
                            await LinkAsync(connection, transaction, sourceId, item, articleId, ct);
                        }
                    }
                    else
                    {
                        // Later items start as drafts: the poller publishes them (with their fan-out) once
                        // their images are archived. A crash in between leaves drafts the next poll publishes.
                        var id = await writer.InsertAsync(item.Article, mode == ItemMode.Backlog ? ArticleState.Published : ArticleState.Draft, ct);
                        await LinkAsync(connection, transaction, sourceId, item, id, ct);
                        if (mode == ItemMode.Backlog)
                        {
                            await MarkPublishedAsync(connection, transaction, id, now, ct);
                        }

                        created.Add(id);
                        written.Add((id, item));
                    }

                    transaction.Release("item");
                }
                catch (SqliteException e)
                {
                    transaction.Rollback("item");
                    transaction.Release("item");
                    logger.LogWarning(e, "Source {SourceId}: could not store item {ItemKey}", sourceId, item.Key);
                }
            }
        }

        await transaction.CommitAsync(ct);
        foreach (var id in changed)
        {
            cache.Forget(id);
        }

        return new StoredItems(created, changed.Count, unchanged, written);
    }

    public async Task<IReadOnlyList<long>> DraftArticleIdsAsync(long sourceId, CancellationToken ct) =>
        await IdsAsync(
            $"""
            SELECT i.article_id FROM source_items i JOIN articles a ON a.id = i.article_id
            WHERE i.source_id = $source AND a.state = '{ArticleStates.Draft}'
            ORDER BY i.article_id
            """,
            sourceId,
            null,
            ct);

    public async Task<IReadOnlyList<long>> ArticlesMissingImagesAsync(long sourceId, int maxAttempts, CancellationToken ct) =>
        await IdsAsync(
            """
            SELECT DISTINCT i.article_id FROM source_items i JOIN article_media m ON m.article_id = i.article_id
            WHERE i.source_id = $source AND m.sha256 IS NULL AND m.attempts < $max
            ORDER BY i.article_id
            """,
            sourceId,
            maxAttempts,
            ct);

    public async Task SavePollAsync(long sourceId, PollState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE sources
            SET last_polled = $polled, last_status = $status, last_error = $error, failures = $failures, paused = $paused,
                backlog_taken = $backlog, etag = $etag, last_modified = $last_modified, next_poll_at = $next
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", sourceId);
        command.Parameters.AddWithValue("$polled", state.Polled.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$status", state.Status);
        command.Parameters.AddWithValue("$error", (object?)state.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$failures", state.Failures);
        command.Parameters.AddWithValue("$paused", state.Paused ? 1 : 0);
        command.Parameters.AddWithValue("$backlog", state.BacklogTaken ? 1 : 0);
        command.Parameters.AddWithValue("$etag", (object?)state.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$last_modified", (object?)state.LastModified?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$next", state.NextPollAt.ToUnixTimeSeconds());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The article an item already became: by the source's own key, else (folders) by the file an import stored.</summary>
    private static async Task<(long Id, string Hash, bool Linked)?> FindAsync(SqliteConnection connection, SqliteTransaction transaction, long sourceId, SourceItem item, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT article_id, content_hash, 1 FROM source_items WHERE source_id = $source AND item_key = $key
            UNION ALL
            SELECT id, content_hash, 0 FROM articles WHERE $file IS NOT NULL AND source_file = $file
            LIMIT 1
            """;
        command.Parameters.AddWithValue("$source", sourceId);
        command.Parameters.AddWithValue("$key", item.Key);
        command.Parameters.AddWithValue("$file", (object?)item.Article.SourceFile ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2) == 1) : null;
    }

    private static async Task LinkAsync(SqliteConnection connection, SqliteTransaction transaction, long sourceId, SourceItem item, long articleId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO source_items (source_id, item_key, article_id, content_hash, entry_hash) VALUES ($source, $key, $article, $hash, $entry)
            ON CONFLICT (source_id, item_key) DO UPDATE
                SET article_id = excluded.article_id, content_hash = excluded.content_hash, entry_hash = coalesce(excluded.entry_hash, entry_hash);
            UPDATE articles SET source_id = $source WHERE id = $article;
            """;
        command.Parameters.AddWithValue("$source", sourceId);
        command.Parameters.AddWithValue("$key", item.Key);
        command.Parameters.AddWithValue("$article", articleId);
        command.Parameters.AddWithValue("$hash", item.Article.ContentHash);
        command.Parameters.AddWithValue("$entry", (object?)item.EntryHash ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task MarkPublishedAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE articles
            SET published_at = $now, published = coalesce(published, $iso), published_utc = coalesce(published_utc, $now)
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", articleId);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$iso", now.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<IReadOnlyList<long>> IdsAsync(string sql, long sourceId, int? max, CancellationToken ct)
    {
        var ids = new List<long>();
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$source", sourceId);
        if (max is { } value)
        {
            command.Parameters.AddWithValue("$max", value);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task<List<Source>> ReadAsync(string sql, long? id, CancellationToken ct)
    {
        var sources = new List<Source>();
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (id is { } value)
        {
            command.Parameters.AddWithValue("$id", value);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            sources.Add(new Source(
                Id: reader.GetInt64(0),
                Url: reader.GetString(1),
                Kind: reader.GetString(2) == "feed" ? SourceKind.Feed : SourceKind.Folder,
                Every: TimeSpan.FromSeconds(reader.GetInt64(3)),
                FullText: reader.GetInt64(4) != 0,
                Review: reader.GetInt64(5) != 0,
                Tags: JsonSerializer.Deserialize<List<string>>(reader.GetString(6)) ?? [],
                Paused: reader.GetInt64(7) != 0,
                BacklogTaken: reader.GetInt64(8) != 0,
                ETag: reader.IsDBNull(9) ? null : reader.GetString(9),
                LastModified: reader.IsDBNull(10) ? null : DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
                LastPolled: reader.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(11)),
                LastStatus: reader.IsDBNull(12) ? null : reader.GetString(12),
                LastError: reader.IsDBNull(13) ? null : reader.GetString(13),
                Failures: (int)reader.GetInt64(14),
                NextPollAt: DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(15)),
                Articles: (int)reader.GetInt64(16)));
        }

        return sources;
    }
}
