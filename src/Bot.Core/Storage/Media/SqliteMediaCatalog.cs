using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Media;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Storage.Media;

public sealed class SqliteMediaCatalog(SqliteDatabase database, TimeProvider time) : IMediaCatalog
{
    public async Task SetReferencesAsync(long articleId, IReadOnlyList<ImageReference> references, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var previous = new Dictionary<string, (string? Sha256, string? Error, int Attempts, long? TriedAt)>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT url, sha256, error, attempts, tried_at FROM article_media WHERE article_id = $article";
            read.Parameters.AddWithValue("$article", articleId);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                previous[reader.GetString(0)] = (
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4));
            }
        }

        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM article_media WHERE article_id = $article";
            delete.Parameters.AddWithValue("$article", articleId);
            await delete.ExecuteNonQueryAsync(ct);
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            // A URL stored for another article (or earlier) is this article's image too: no second fetch.
            insert.CommandText = """
                INSERT INTO article_media (article_id, position, url, alt, sha256, error, attempts, tried_at)
                VALUES ($article, $position, $url, $alt,
                        coalesce($sha256, (SELECT sha256 FROM media_urls WHERE url = $url)),
                        $error, $attempts, $tried)
                """;
            var article = insert.Parameters.AddWithValue("$article", articleId);
            var position = insert.Parameters.Add("$position", SqliteType.Integer);
            var url = insert.Parameters.Add("$url", SqliteType.Text);
            var alt = insert.Parameters.Add("$alt", SqliteType.Text);
            var sha256 = insert.Parameters.Add("$sha256", SqliteType.Text);
            var error = insert.Parameters.Add("$error", SqliteType.Text);
            var attempts = insert.Parameters.Add("$attempts", SqliteType.Integer);
            var tried = insert.Parameters.Add("$tried", SqliteType.Integer);
            for (var i = 0; i < references.Count; i++)
            {
                var kept = previous.GetValueOrDefault(references[i].Url);
                position.Value = i;
                url.Value = references[i].Url;
                alt.Value = references[i].Alt;
                sha256.Value = (object?)kept.Sha256 ?? DBNull.Value;
                error.Value = (object?)kept.Error ?? DBNull.Value;
                attempts.Value = kept.Attempts;
                tried.Value = (object?)kept.TriedAt ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<MissingImage>> MissingAsync(IReadOnlyCollection<long>? articleIds, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = articleIds is null
            ? """
                SELECT article_id, position, url, attempts, error FROM article_media
                WHERE sha256 IS NULL ORDER BY article_id, position
                """
            : """
                SELECT article_id, position, url, attempts, error FROM article_media
                WHERE sha256 IS NULL AND article_id IN (SELECT value FROM json_each($ids)) ORDER BY article_id, position
                """;
        if (articleIds is not null)
        {
            command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(articleIds));
        }

        var missing = new List<MissingImage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            missing.Add(new MissingImage(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return missing;
    }

    public async Task RecordStoredAsync(string url, StoredImage image, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO media (sha256, bytes, content_type, width, height, created_at)
            VALUES ($sha256, $bytes, $type, $width, $height, $now)
            ON CONFLICT (sha256) DO NOTHING;
            INSERT INTO media_urls (url, sha256) VALUES ($url, $sha256)
            ON CONFLICT (url) DO UPDATE SET sha256 = excluded.sha256;
            UPDATE article_media SET sha256 = $sha256, error = NULL, attempts = attempts + 1, tried_at = $now
            WHERE url = $url AND sha256 IS NULL;
            """;
        command.Parameters.AddWithValue("$sha256", image.Sha256);
        command.Parameters.AddWithValue("$bytes", image.Bytes);
        command.Parameters.AddWithValue("$type", image.ContentType);
        command.Parameters.AddWithValue("$width", image.Width);
        command.Parameters.AddWithValue("$height", image.Height);
        command.Parameters.AddWithValue("$now", image.CreatedAt.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$url", url);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task RecordFailedAsync(string url, string reason, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE article_media SET error = $reason, attempts = attempts + 1, tried_at = $now
            WHERE url = $url AND sha256 IS NULL
            """;
        command.Parameters.AddWithValue("$url", url);
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeSeconds());
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<ArticleImage>> ForArticleAsync(long articleId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await ArticleMediaReader.ReadAsync(connection, articleId, ct);
    }

    public async Task<StoredImage?> GetAsync(string sha256, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sha256, bytes, content_type, width, height, created_at FROM media WHERE sha256 = $sha256";
        command.Parameters.AddWithValue("$sha256", sha256);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ArticleMediaReader.ReadImage(reader, 0) : null;
    }

    public async Task<IReadOnlyList<MediaListEntry>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.sha256, m.bytes, m.content_type, m.width, m.height, m.created_at,
                   (SELECT count(*) FROM article_media am WHERE am.sha256 = m.sha256)
            FROM media m
            ORDER BY m.created_at, m.sha256
            """;
        var entries = new List<MediaListEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new MediaListEntry(ArticleMediaReader.ReadImage(reader, 0), reader.GetInt32(6)));
        }

        return entries;
    }

    public async Task<IReadOnlyList<StoredImage>> DeleteUnreferencedAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM media
            WHERE NOT EXISTS (SELECT 1 FROM article_media am WHERE am.sha256 = media.sha256)
            RETURNING sha256, bytes, content_type, width, height, created_at
            """;
        var deleted = new List<StoredImage>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                deleted.Add(ArticleMediaReader.ReadImage(reader, 0));
            }
        }

        await transaction.CommitAsync(ct);
        return deleted;
    }

    public async Task<RemoteUpload?> GetUploadAsync(string sha256, Platform platform, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT remote_ref, expires_at FROM media_uploads WHERE sha256 = $sha256 AND platform = $platform";
        command.Parameters.AddWithValue("$sha256", sha256);
        command.Parameters.AddWithValue("$platform", platform.ToKey());
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new RemoteUpload(reader.GetString(0), reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(1)));
    }

    public async Task SetUploadAsync(string sha256, Platform platform, RemoteUpload upload, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO media_uploads (sha256, platform, remote_ref, created_at, expires_at) VALUES ($sha256, $platform, $ref, $now, $expires)
            ON CONFLICT (sha256, platform) DO UPDATE SET remote_ref = excluded.remote_ref, created_at = excluded.created_at, expires_at = excluded.expires_at
            """;
        command.Parameters.AddWithValue("$sha256", sha256);
        command.Parameters.AddWithValue("$platform", platform.ToKey());
        command.Parameters.AddWithValue("$ref", upload.Ref);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$expires", upload.ExpiresAt is { } expires ? expires.ToUnixTimeSeconds() : DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ForgetUploadAsync(string sha256, Platform platform, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM media_uploads WHERE sha256 = $sha256 AND platform = $platform";
        command.Parameters.AddWithValue("$sha256", sha256);
        command.Parameters.AddWithValue("$platform", platform.ToKey());
        await command.ExecuteNonQueryAsync(ct);
    }
}
