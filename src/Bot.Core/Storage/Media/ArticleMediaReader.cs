using Bot.Core.Articles;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Storage.Media;

/// <summary>Reads an article's images with their stored copies, on a connection the caller holds.</summary>
internal static class ArticleMediaReader
{
    public static async Task<IReadOnlyList<ArticleImage>> ReadAsync(SqliteConnection connection, long articleId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT am.position, am.url, am.alt, am.error, m.sha256, m.bytes, m.content_type, m.width, m.height, m.created_at
            FROM article_media am
            LEFT JOIN media m ON m.sha256 = am.sha256
            WHERE am.article_id = $article
            ORDER BY am.position
            """;
        command.Parameters.AddWithValue("$article", articleId);
        var images = new List<ArticleImage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var stored = reader.IsDBNull(4) ? null : ReadImage(reader, 4);
            images.Add(new ArticleImage(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), stored, reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return images;
    }

    /// <summary>Reads sha256, bytes, content_type, width, height, created_at starting at <paramref name="first"/>.</summary>
    public static StoredImage ReadImage(SqliteDataReader reader, int first) => new(
        reader.GetString(first),
        reader.GetInt64(first + 1),
        reader.GetString(first + 2),
        reader.GetInt32(first + 3),
        reader.GetInt32(first + 4),
        DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(first + 5)));
}
